// Runs a Material search worker in Node, as the search box does: set up an
// index, then send queries. Prints one JSON object:
//   results  for each query, the locations of the results in the order the
//            worker ranks them;
//   invalid  the queries the worker could not run (it warns and finds nothing);
//   phantom  words lunr's set of the index's words holds that the index does
//            not (a query that expands to one throws);
//   lost     words of the index that set does not hold (no query finds them).
//   node search_worker.js WORKER INDEX_JSON QUERIES_JSON
const fs = require('fs');
const [,, workerPath, indexPath, queriesPath] = process.argv;
let handler = null;
let warned = false;
const out = [];
global.self = global;
global.addEventListener = (type, fn) => { handler = fn; };
global.postMessage = (message) => out.push(message);
global.importScripts = () => {};
console.warn = () => { warned = true; };
eval(fs.readFileSync(workerPath, 'utf8'));
let built = null;
const build = self.lunr.Builder.prototype.build;
self.lunr.Builder.prototype.build = function () { built = build.call(this); return built; };
(async () => {
  const index = JSON.parse(fs.readFileSync(indexPath, 'utf8'));
  index.options = {suggest: false};
  await handler({data: {type: 0, data: index}});
  const words = Object.keys(built.invertedIndex).sort();
  const held = built.tokenSet.toArray().sort();
  const inIndex = new Set(words), inSet = new Set(held);
  const results = [], invalid = [];
  for (const query of JSON.parse(fs.readFileSync(queriesPath, 'utf8'))) {
    out.length = 0;
    warned = false;
    await handler({data: {type: 2, data: query}});
    if (warned) invalid.push(query);
    const groups = (out[0] && out[0].data && out[0].data.items) || [];
    const items = groups.flat().filter(item => item.score > 0).sort((a, b) => b.score - a.score);
    results.push(items.map(item => item.location));
  }
  process.stdout.write(JSON.stringify({
    results, invalid,
    phantom: held.filter(w => !inIndex.has(w)),
    lost: words.filter(w => !inSet.has(w)),
  }) + '\n');
})();
