// Runs MiniSearch on a list and queries written by search/knownitem_test.go:
// node minisearch.mjs list.json queries.json prints, as JSON, the ids of
// the first ten results of each query, in order.
import { readFileSync } from 'node:fs';
import MiniSearch from 'minisearch';

const [listFile, queriesFile] = process.argv.slice(2);
const docs = JSON.parse(readFileSync(listFile, 'utf8'));
const queries = JSON.parse(readFileSync(queriesFile, 'utf8'));

// The options of the comparison in issue 21: fuzzy 0.2, prefix search,
// title boosted 3 and authors 2, every field a person may type.
const ms = new MiniSearch({
  fields: ['title', 'abstract', 'authors', 'venue', 'year', 'doi', 'arxiv', 'tags'],
  searchOptions: { fuzzy: 0.2, prefix: true, boost: { title: 3, authors: 2 } },
});
ms.addAll(docs);
const top = queries.map((q) => ms.search(q).slice(0, 10).map((r) => r.id));
process.stdout.write(JSON.stringify(top));
