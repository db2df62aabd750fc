// Converts a Kubernetes release's OpenAPI v2 document (api/openapi-spec/swagger.json of the
// k8s.io/kubernetes module, fetched from the Go module proxy by .ci/tools.sh) into the
// standalone, strict JSON Schemas kubeconform reads, one file per kind:
//   <out>/<kind>[-<group>]-<version>.json   e.g. deployment-apps-v1.json, service-v1.json
// Standalone: every $ref is inlined (kubeconform then needs no network). Strict: objects refuse
// properties the API does not define (a typo in a manifest fails instead of being dropped).
// The same transformation as the openapi2jsonschema tool kubeconform documents.
//   node .ci/k8s-schemas.mjs swagger.json out-dir
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [source, out] = process.argv.slice(2);
const { definitions } = JSON.parse(readFileSync(source, 'utf8'));

// Types the API server accepts in two shapes.
const special = {
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': { oneOf: [{ type: 'string' }, { type: 'integer' }] },
  'io.k8s.apimachinery.pkg.api.resource.Quantity': { oneOf: [{ type: 'string' }, { type: 'number' }] },
};

function resolve(schema, stack) {
  if (Array.isArray(schema)) return schema.map((s) => resolve(s, stack));
  if (!schema || typeof schema !== 'object') return schema;
  if (schema.$ref) {
    const name = schema.$ref.replace('#/definitions/', '');
    if (special[name]) return special[name];
    // Recursive types (JSONSchemaProps) stop one level down: anything is accepted there.
    if (stack.includes(name)) return {};
    return resolve(definitions[name], [...stack, name]);
  }
  const copy = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'x-kubernetes-group-version-kind' || key === 'description') continue;
    copy[key] =
      key === 'properties'
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v, stack)]))
        : resolve(value, stack);
  }
  if (copy.type === 'object' && copy.properties && copy.additionalProperties === undefined)
    copy.additionalProperties = false;
  // Optional fields may be written as null (helm renders empty values that way).
  if (typeof copy.type === 'string' && copy.type !== 'object') copy.type = [copy.type, 'null'];
  return copy;
}

mkdirSync(out, { recursive: true });
let written = 0;
for (const [name, def] of Object.entries(definitions)) {
  for (const gvk of def['x-kubernetes-group-version-kind'] ?? []) {
    // One schema per served kind; the list and option kinds share names with their meta types.
    if (!name.endsWith(`.${gvk.kind}`)) continue;
    const schema = resolve(def, [name]);
    const apiVersion = gvk.group ? `${gvk.group}/${gvk.version}` : gvk.version;
    if (schema.properties?.apiVersion) schema.properties.apiVersion = { type: 'string', enum: [apiVersion] };
    if (schema.properties?.kind) schema.properties.kind = { type: 'string', enum: [gvk.kind] };
    const suffix = gvk.group ? `-${gvk.group.split('.')[0]}-${gvk.version}` : `-${gvk.version}`;
    writeFileSync(join(out, `${gvk.kind.toLowerCase()}${suffix}.json`), JSON.stringify(schema));
    written += 1;
  }
}
console.log(`k8s-schemas: ${written} kinds from ${source} into ${out}`);
