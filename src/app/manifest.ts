import type { MetadataRoute } from "next";

export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/dashboard",
    name: "Money Tracking",
    short_name: "Money",
    description: "Your accounts, budgets and goals — private and self-hosted.",
    start_url: "/dashboard",
    scope: "/",
    display: "standalone",
    background_color: "#fcfcfc",
    theme_color: "#0f7a55",
    categories: ["finance"],
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
