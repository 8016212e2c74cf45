#!/usr/bin/env bash
# Shows that the lint rules hold the fences: a file importing pdfkit outside src/pdf/ and src/layout/, and two files
# importing each other, must each fail `eslint`. The probe files are removed whatever happens.
set -euo pipefail
cd "$(dirname "$0")/.."
probe=src/markup/fence-probe
trap 'rm -f "$probe"-*.ts' EXIT
printf "import PDFDocument from 'pdfkit';\nexport const made = (): unknown => new PDFDocument();\n" > "$probe-pdfkit.ts"
printf "import { b } from './fence-probe-b.js';\nexport const a = (): number => b() + 1;\n" > "$probe-a.ts"
printf "import { a } from './fence-probe-a.js';\nexport const b = (): number => a() + 1;\n" > "$probe-b.ts"
printf "import { layoutDocument } from '../layout/text.js';\nexport const reach = layoutDocument;\n" > "$probe-reach.ts"
expect_failure() {
  local file=$1 rule=$2
  if out=$(npx eslint --no-warn-ignored "$file" 2>&1); then
    echo "fences: $file passed lint, but $rule should refuse it" >&2
    exit 1
  fi
  grep -q "$rule" <<<"$out" || { echo "$out" >&2; echo "fences: $file failed lint, but not by $rule" >&2; exit 1; }
  echo "fences: $file refused by $rule"
}
expect_failure "$probe-pdfkit.ts" no-restricted-imports
expect_failure "$probe-a.ts" import-x/no-cycle
expect_failure "$probe-reach.ts" no-restricted-imports
