/**
 * Progress of a long command: a bar redrawn in place on a terminal, plain lines (every 10 %)
 * when the output is a file or a pipe.
 */
export function progressReporter(label: string, total: number, unit: string, out: NodeJS.WriteStream = process.stdout) {
  const startedAt = Date.now();
  let lastDecile = -1;
  return {
    update(done: number, extra = '') {
      const elapsed = (Date.now() - startedAt) / 1000;
      const rate = elapsed > 0 ? done / elapsed : 0;
      const eta = rate > 0 ? Math.round((total - done) / rate) : 0;
      const percent = total > 0 ? Math.floor((done / total) * 100) : 100;
      const figures = `${done}/${total} ${unit}, ${rate.toFixed(0)} ${unit}/s, ETA ${eta} s${extra ? `, ${extra}` : ''}`;
      if (out.isTTY) {
        const width = 30;
        const filled = Math.round((percent / 100) * width);
        out.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${percent}% ${figures}   `);
      } else if (Math.floor(percent / 10) > lastDecile || done === total) {
        lastDecile = Math.floor(percent / 10);
        out.write(`${label}: ${percent}% ${figures}\n`);
      }
    },
    finish(summary: string) {
      if (out.isTTY) out.write('\n');
      out.write(`${summary} (${((Date.now() - startedAt) / 1000).toFixed(1)} s)\n`);
    },
  };
}
