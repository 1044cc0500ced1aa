#!/usr/bin/env bash
# Regenerates libs/api-contract from the API: the OpenAPI document it serves, and the TypeScript
# types the web's client is typed with. test/api-contract.e2e-spec.ts fails when either is stale.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-services.sh
# The web may not build until its types are regenerated: the API's build is what is needed here.
bash scripts/install.sh || echo "The build failed; writing the contract from the API that was built"
npm run --silent db:create
npm run --silent migration:run >/dev/null
LOG_LEVEL=warn node dist/apps/api/src/openapi/write-openapi-document.js libs/api-contract/openapi.json
node node_modules/openapi-typescript/bin/cli.js libs/api-contract/openapi.json --output libs/api-contract/src/openapi.ts
npm run --silent build
echo "libs/api-contract is up to date with the API"
