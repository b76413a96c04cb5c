import Database from 'better-sqlite3';
import { trackerStatements } from '../src-main/core/tracker/tracker';
import { contract } from '../shared/api/contract';
import { timeMedian } from './support/median';
const db = new Database('/tmp/h11-rtl-10y/rakor-kla.sqlite', { readonly: true });
const inputs: Record<string, unknown>[] = JSON.parse(process.argv[2] ?? '[{}]');
async function main() {
  for (const input of inputs) {
    const sql = trackerStatements(contract['actionItem.track'].input.parse(input), '2026-11-24');
    const c = db.prepare(sql.counts), p = db.prepare(sql.page);
    const tc = await timeMedian(() => c.all(sql.params), 15);
    const tp = await timeMedian(() => p.all(sql.params), 15);
    console.log(JSON.stringify(input), 'counts', tc.toFixed(1), 'page', tp.toFixed(1));
    if (process.argv[3]) {
      console.log(db.prepare('EXPLAIN QUERY PLAN ' + sql.counts).all(sql.params).map((r: any) => '  c: ' + r.detail).join('\n'));
      console.log(db.prepare('EXPLAIN QUERY PLAN ' + sql.page).all(sql.params).map((r: any) => '  p: ' + r.detail).join('\n'));
    }
  }
}
void main();
