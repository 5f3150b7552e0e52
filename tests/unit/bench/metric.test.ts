import { describe, expect, it } from "vitest";
import { metricsByName } from "../../../bench/metric";

describe("npm run bench -- --json", () => {
  it("keys every figure by name with its goal as a number and the way it must lie", () => {
    const metrics = metricsByName([
      {
        bench: "load",
        seconds: 1,
        metrics: [
          { name: "load: list p95", value: 12.5, unit: "ms", goal: "<= 25", met: true },
          { name: "load: web RSS", value: 400, unit: "MB", goal: "<= 350", met: false },
          { name: "cache hit rate", value: 99, unit: "%", goal: "> 80", met: true },
          { name: "LLM calls on the warm run", value: 0, unit: "calls", goal: "0", met: true },
          { name: "load: list p99", value: 30, unit: "ms", goal: null, met: null },
        ],
      },
      { bench: "sync", error: "could not start" },
    ]);
    expect(metrics).toEqual({
      "load: list p95": { value: 12.5, unit: "ms", goal: 25, comparison: "<=", met: true },
      "load: web RSS": { value: 400, unit: "MB", goal: 350, comparison: "<=", met: false },
      "cache hit rate": { value: 99, unit: "%", goal: 80, comparison: ">", met: true },
      "LLM calls on the warm run": { value: 0, unit: "calls", goal: 0, comparison: "=", met: true },
      "load: list p99": { value: 30, unit: "ms", goal: null, comparison: null, met: null },
    });
  });
});
