// `npm run fixtures:hostile`: (re)writes test/fixtures/hostile/ from test/support/hostile-corpus.ts.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hostileArticles } from './hostile-corpus';

const dir = join(process.cwd(), 'test', 'fixtures', 'hostile');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const articles = hostileArticles();
for (const { name, text } of articles) writeFileSync(join(dir, name), text);
console.log(`wrote ${articles.length} hostile articles to ${dir}`);
