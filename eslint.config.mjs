import nextVitals from "eslint-config-next/core-web-vitals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: [".next/**", "node_modules/**", "src/server/db/generated/**", "next-env.d.ts", "test-results/**"] },
  ...nextVitals,
  ...tseslint.configs.recommended,
  {
    settings: { next: { rootDir: "." } },
    rules: {
      "@next/next/no-html-link-for-pages": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration from src/server/env.ts." },
      ],
    },
  },
  {
    files: ["src/server/env.ts", "tests/**", "scripts/**", "bench/**", "prisma.config.ts", "next.config.mjs"],
    rules: { "no-restricted-properties": "off" },
  },
);
