// Validates Kubernetes manifests against the Kubernetes API's JSON schemas (the kubernetes-models npm package, which
// eng/install-test-deps.sh installs into .tools/kubernetes-models). No cluster needed.
// Usage: node eng/validate-kubernetes.mjs <node_modules folder> <manifest.yaml>...
// Prints one line per object and exits 1 when any object is unknown or invalid.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [modules, ...files] = process.argv.slice(2);
if (!modules || files.length === 0) {
  console.error("usage: node eng/validate-kubernetes.mjs <node_modules folder> <manifest.yaml>...");
  process.exit(2);
}

const load = (path) => import(pathToFileURL(join(modules, path)).href);
const { parseAllDocuments } = await load("yaml/dist/index.js");
let failures = 0;
for (const file of files) {
  for (const document of parseAllDocuments(readFileSync(file, "utf8"))) {
    if (document.errors.length > 0) {
      console.log(`FAIL ${file}: ${document.errors.map((e) => e.message).join("; ")}`);
      failures++;
      continue;
    }

    const object = document.toJS();
    if (object === null) {
      continue;
    }

    const name = `${file}: ${object.kind}/${object.metadata?.name}`;
    // "apps/v1" is kubernetes-models/apps/v1, the core group's "v1" is kubernetes-models/v1.
    const group = object.apiVersion ?? "";
    let model;
    try {
      model = (await load(`kubernetes-models/${group}/index.js`))[object.kind];
    } catch {
      model = undefined;
    }

    if (typeof model !== "function") {
      console.log(`FAIL ${name}: unknown apiVersion/kind ${group}/${object.kind}`);
      failures++;
      continue;
    }

    try {
      new model(object).validate();
      console.log(`ok   ${name}`);
    } catch (error) {
      console.log(`FAIL ${name}: ${error.message}`);
      failures++;
    }
  }
}

process.exit(failures === 0 ? 0 : 1);
