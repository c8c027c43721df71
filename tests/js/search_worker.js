// Runs a Material search worker in Node, as the search box does: set up an
// index, then send queries. Prints one JSON line: for each query, the
// locations of the results in the order the worker ranks them.
//   node search_worker.js WORKER INDEX_JSON QUERIES_JSON
const fs = require('fs');
const [,, workerPath, indexPath, queriesPath] = process.argv;
let handler = null;
const out = [];
global.self = global;
global.addEventListener = (type, fn) => { handler = fn; };
global.postMessage = (message) => out.push(message);
global.importScripts = () => {};
console.warn = () => {};
eval(fs.readFileSync(workerPath, 'utf8'));
(async () => {
  const index = JSON.parse(fs.readFileSync(indexPath, 'utf8'));
  index.options = {suggest: false};
  await handler({data: {type: 0, data: index}});
  const results = [];
  for (const query of JSON.parse(fs.readFileSync(queriesPath, 'utf8'))) {
    out.length = 0;
    await handler({data: {type: 2, data: query}});
    const groups = (out[0] && out[0].data && out[0].data.items) || [];
    const items = groups.flat().filter(item => item.score > 0).sort((a, b) => b.score - a.score);
    results.push(items.map(item => item.location));
  }
  process.stdout.write(JSON.stringify(results) + '\n');
})();
