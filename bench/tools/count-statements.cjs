/**
 * Preloaded into a process (`node --require`) by `npm run bench -- profile --count-statements`: counts the SQL
 * statements the process sends to PostgreSQL, by shape (parameters stay placeholders, so no data is kept). On
 * SIGUSR2 it writes the counts since the last signal to <tmpdir>/onething-statements-<pid>.json and starts again.
 */
const { renameSync, writeFileSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const pg = require('pg');

let counts = new Map();
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function countedQuery(config, ...rest) {
  const text = typeof config === 'string' ? config : config && config.text;
  if (typeof text === 'string') {
    const shape = text.replace(/\s+/g, ' ').trim();
    counts.set(shape, (counts.get(shape) || 0) + 1);
  }
  return query.call(this, config, ...rest);
};

process.on('SIGUSR2', () => {
  const file = path.join(os.tmpdir(), `onething-statements-${process.pid}.json`);
  // Written aside and renamed, so whoever waits for the file never reads it half written.
  writeFileSync(`${file}.partial`, JSON.stringify([...counts].sort((a, b) => b[1] - a[1])));
  renameSync(`${file}.partial`, file);
  counts = new Map();
});
