import { formatBytes } from './output.mjs';

// A progress bar on stderr, only when stderr is a terminal: in cron, CI or a pipe there is
// nothing to draw on, so the CLI stays quiet there.

const WIDTH = 24;
const REDRAW_MS = 100;

function timeLeft(seconds) {
  if (!Number.isFinite(seconds)) return '';
  if (seconds < 60) return `${Math.ceil(seconds)} s left`;
  const minutes = Math.floor(seconds / 60);
  return minutes < 60 ? `${minutes} min ${Math.ceil(seconds % 60)} s left` : `${Math.floor(minutes / 60)} h ${minutes % 60} min left`;
}

const silent = { add() {}, finish() {} };

/** `already`: bytes that were in the bucket before this run (a resume), shown done but not in the speed. */
export function progressBar(label, total, already = 0, stream = process.stderr) {
  if (!stream.isTTY) return silent;
  const started = Date.now();
  let sent = 0;
  let drawn = 0;
  const draw = (force = false) => {
    const now = Date.now();
    if (!force && now - drawn < REDRAW_MS) return;
    drawn = now;
    const done = Math.min(total, already + sent);
    const fraction = total ? done / total : 1;
    const filled = Math.round(fraction * WIDTH);
    const speed = sent / Math.max((now - started) / 1000, 0.001);
    const eta = speed > 0 ? (total - done) / speed : Infinity;
    const bar = `${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}`;
    stream.write(`\r\x1b[2K${label}  [${bar}] ${String(Math.floor(fraction * 100)).padStart(3)}%  ${formatBytes(Math.round(speed))}/s  ${done < total ? timeLeft(eta) : ''}`);
  };
  draw(true);
  return {
    add(bytes) {
      sent += bytes;
      draw();
    },
    finish() {
      draw(true);
      stream.write('\n');
    },
  };
}
