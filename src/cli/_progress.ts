// Progress on stderr with rate and ETA, for anything that can take more than two seconds. Shown on a terminal (or when
// SHUANGSUIJI_PROGRESS=1), never in --json mode, and only once a task has run for two seconds.
import { performance } from "node:perf_hooks";

/** A progress line: call `tick(done)` as often as you like, `end()` once. */
export interface Progress {
  tick(done: number): void;
  end(): void;
}

const human = (n: number): string => (n >= 1e6 ? `${(n / 1e6).toFixed(1)}M` : n >= 1e4 ? `${(n / 1e3).toFixed(0)}k` : String(Math.round(n)));
const seconds = (s: number): string => (s >= 90 ? `${Math.floor(s / 60)} min ${Math.round(s % 60)} s` : `${Math.max(0, Math.round(s))} s`);

/** Formats one progress line (exported for tests). */
export function progressLine(label: string, unit: string, done: number, total: number, elapsedS: number): string {
  const rate = elapsedS > 0 ? done / elapsedS : 0;
  const pct = total > 0 ? Math.min(100, (100 * done) / total) : 0;
  const eta = rate > 0 && total > 0 ? seconds((total - done) / rate) : "?";
  return `${label} ${pct.toFixed(0).padStart(3)}% ${human(done)}/${human(total)} ${unit} · ${human(rate)} ${unit}/s · 剩余 ETA ${eta}`;
}

/**
 * A progress reporter for `total` units of work, or a no-op when progress is off. `unit` names the units shown
 * (`rows`, `runs`, `bytes`).
 */
export function startProgress(enabled: boolean, label: string, unit: string, total: number, delayMs = 2000): Progress {
  const show = enabled && (process.stderr.isTTY === true || process.env.SHUANGSUIJI_PROGRESS === "1");
  if (!show) return { tick: () => undefined, end: () => undefined };
  const t0 = performance.now();
  let last = 0;
  let shown = false;
  let lastDone = 0;
  const draw = (done: number, final: boolean) => {
    const now = performance.now();
    if (!final && (now - t0 < delayMs || now - last < 250)) return;
    last = now;
    shown = true;
    const line = progressLine(label, unit, done, total, (now - t0) / 1000);
    process.stderr.write(process.stderr.isTTY === true ? `\r\x1b[2K${line}` : `${line}\n`);
  };
  return {
    tick(done) {
      lastDone = done;
      draw(done, false);
    },
    end() {
      if (shown) {
        draw(lastDone, true);
        if (process.stderr.isTTY === true) process.stderr.write("\n");
      }
    },
  };
}
