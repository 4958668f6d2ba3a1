import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';

/** A Kubernetes object as YAML gives it. */
export type K8sObject = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
} & Record<string, unknown>;

type Json = unknown;
type JsonObject = Record<string, Json>;
const isObject = (v: Json): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

interface Kustomization {
  namespace?: string;
  resources?: string[];
  labels?: Array<{ pairs: Record<string, string> }>;
  images?: Array<{ name: string; newName?: string; newTag?: string }>;
  replicas?: Array<{ name: string; count: number }>;
  patches?: Array<{ path?: string; patch?: string; target?: { kind?: string; name?: string } }>;
}

const readDocs = (file: string) =>
  parseAllDocuments(readFileSync(file, 'utf8'))
    .map((d) => d.toJS() as K8sObject | null)
    .filter((d): d is K8sObject => d !== null);

const CLUSTER_SCOPED = new Set(['Namespace', 'ClusterRole', 'ClusterRoleBinding']);
const MERGE_KEYS = ['name', 'mountPath', 'containerPort', 'port'];

/** A strategic merge patch as kubectl applies one to these kinds: maps merge, named lists merge by key. */
export function strategicMerge(target: Json, patch: Json): Json {
  if (isObject(target) && isObject(patch)) {
    const out: JsonObject = { ...target };
    for (const [key, value] of Object.entries(patch)) {
      if (value === null) delete out[key];
      else out[key] = key in target ? strategicMerge(target[key], value) : value;
    }
    return out;
  }
  if (Array.isArray(target) && Array.isArray(patch) && patch.every(isObject)) {
    const key = MERGE_KEYS.find((k) => patch.every((p) => k in (p as JsonObject)));
    if (key) {
      const out = [...target];
      for (const item of patch as JsonObject[]) {
        const i = out.findIndex((t) => isObject(t) && t[key] === item[key]);
        if (i >= 0) out[i] = strategicMerge(out[i], item);
        else out.push(item);
      }
      return out;
    }
  }
  return patch;
}

/** RFC 6902 `add` and `replace` (what the overlays use), on a JSON pointer path. */
function jsonPatch(object: JsonObject, ops: Array<{ op: string; path: string; value: Json }>) {
  for (const { op, path, value } of ops) {
    if (op !== 'add' && op !== 'replace') throw new Error(`unsupported patch op ${op}`);
    const parts = path
      .split('/')
      .slice(1)
      .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    let node: Json = object;
    for (const part of parts.slice(0, -1)) node = (node as JsonObject)[part];
    const last = parts[parts.length - 1]!;
    if (op === 'replace' && !(last in (node as JsonObject)))
      throw new Error(`${path} does not exist`);
    (node as JsonObject)[last] = value;
  }
}

function podSpecOf(object: K8sObject): JsonObject | undefined {
  const spec = object.spec as JsonObject | undefined;
  const template = spec?.template as JsonObject | undefined;
  return template?.spec as JsonObject | undefined;
}

/**
 * Renders a kustomization the way `kustomize build` does for the fields these overlays use:
 * resources (files and directories), patches (strategic merge files, `$patch: delete`, inline
 * JSON 6902 patches with a kind/name target), replicas, images, namespace, labels. No kustomize
 * binary is installable here; anything else in a kustomization is rejected rather than ignored.
 */
export function renderKustomization(dir: string): K8sObject[] {
  const k = readDocs(join(dir, 'kustomization.yaml'))[0] as unknown as Kustomization & JsonObject;
  const known = [
    'apiVersion',
    'kind',
    'namespace',
    'resources',
    'labels',
    'images',
    'replicas',
    'patches',
  ];
  for (const field of Object.keys(k)) {
    if (!known.includes(field))
      throw new Error(`${dir}: kustomization field ${field} is not supported`);
  }
  let objects: K8sObject[] = [];
  for (const entry of k.resources ?? []) {
    const path = resolve(dir, entry);
    objects.push(...(statSync(path).isDirectory() ? renderKustomization(path) : readDocs(path)));
  }
  const matches = (o: K8sObject, t: { kind?: string; name?: string }) =>
    (!t.kind || o.kind === t.kind) && (!t.name || o.metadata.name === t.name);
  for (const patch of k.patches ?? []) {
    if (patch.path) {
      for (const doc of readDocs(resolve(dir, patch.path))) {
        const target = { kind: doc.kind, name: doc.metadata.name };
        const index = objects.findIndex((o) => matches(o, target));
        if (index < 0)
          throw new Error(`${patch.path}: no ${doc.kind} ${doc.metadata.name} to patch`);
        if ((doc as JsonObject).$patch === 'delete') objects.splice(index, 1);
        else objects[index] = strategicMerge(objects[index], doc) as K8sObject;
      }
    } else if (patch.patch && patch.target) {
      const ops = readDocsFromText(patch.patch) as Array<{ op: string; path: string; value: Json }>;
      const targets = objects.filter((o) => matches(o, patch.target!));
      if (targets.length === 0)
        throw new Error(`no object matches patch target ${JSON.stringify(patch.target)}`);
      for (const target of targets) jsonPatch(target, ops);
    } else {
      throw new Error(`unsupported patch ${JSON.stringify(patch)}`);
    }
  }
  for (const { name, count } of k.replicas ?? []) {
    const deployment = objects.find((o) => o.kind === 'Deployment' && o.metadata.name === name);
    if (!deployment) throw new Error(`replicas: no Deployment ${name}`);
    (deployment.spec as JsonObject).replicas = count;
  }
  for (const image of k.images ?? []) {
    for (const object of objects) {
      for (const container of (podSpecOf(object)?.containers ?? []) as JsonObject[]) {
        const [name] = String(container.image).split(':');
        if (name !== image.name) continue;
        container.image = `${image.newName ?? name}:${image.newTag ?? 'latest'}`;
      }
    }
  }
  objects = objects.map((o) => {
    const metadata = { ...o.metadata };
    if (k.namespace && !CLUSTER_SCOPED.has(o.kind)) metadata.namespace = k.namespace;
    for (const { pairs } of k.labels ?? []) metadata.labels = { ...metadata.labels, ...pairs };
    return { ...o, metadata };
  });
  return objects;
}

function readDocsFromText(text: string): Json {
  return parseAllDocuments(text)[0]!.toJS();
}
