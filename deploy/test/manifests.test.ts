import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Deployment } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { Job } from 'kubernetes-models/batch/v1';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { ConfigMap, Namespace, Secret, Service } from 'kubernetes-models/v1';
import { parseProxyTrust } from '@poolgraph/platform';
import { renderKustomization, type K8sObject } from './kustomize.ts';
import { DEPLOY } from './promql.ts';

const SCHEMAS: Record<string, { validate(): void } & (new (data: never) => { validate(): void })> =
  {
    'apps/v1/Deployment': Deployment,
    'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
    'batch/v1/Job': Job,
    'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
    'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
    'v1/ConfigMap': ConfigMap,
    'v1/Namespace': Namespace,
    'v1/Secret': Secret,
    'v1/Service': Service,
  } as never;

const SERVICES = {
  gateway: 4000,
  users: 4001,
  pools: 4002,
  ledger: 4003,
  alerts: 4004,
  reports: 4005,
};
const SUBGRAPHS = ['users', 'pools', 'ledger', 'alerts', 'reports'] as const;
/** Who may call a subgraph besides the gateway: the JWKS (users), and direct peer calls. */
const PEERS: Record<string, string[]> = {
  users: ['pools', 'ledger', 'alerts', 'reports'],
  pools: ['ledger', 'alerts'],
  ledger: ['pools'],
  alerts: [],
  reports: [],
};

interface Container {
  name: string;
  image: string;
  command: string[];
  ports: Array<{ name: string; containerPort: number }>;
  env?: Array<{
    name: string;
    value?: string;
    valueFrom?: { secretKeyRef?: { name: string; key: string; optional?: boolean } };
  }>;
  readinessProbe?: { httpGet: { path: string; port: string } };
  livenessProbe?: { httpGet: { path: string; port: string } };
  securityContext: {
    readOnlyRootFilesystem: boolean;
    allowPrivilegeEscalation: boolean;
    capabilities: { drop: string[] };
  };
  volumeMounts: Array<{ name: string; mountPath: string }>;
}
interface PodSpec {
  containers: Container[];
  securityContext: { runAsNonRoot: boolean };
  volumes: Array<{ name: string; emptyDir?: object }>;
}
const podOf = (o: K8sObject) =>
  (o.spec as { template: { spec: PodSpec; metadata: { labels: Record<string, string> } } })
    .template;
const find = (objects: K8sObject[], kind: string, name: string) => {
  const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
  if (!found) throw new Error(`no ${kind} ${name}`);
  return found;
};

for (const [label, dir] of [
  ['base', resolve(DEPLOY, 'k8s/base')],
  ['production overlay', resolve(DEPLOY, 'k8s/overlays/production')],
] as const) {
  describe(`the Kubernetes manifests (${label})`, () => {
    const objects = renderKustomization(dir);

    it('are every one valid against its Kubernetes API schema', () => {
      for (const object of objects) {
        const Model = SCHEMAS[`${object.apiVersion}/${object.kind}`];
        expect(Model, `${object.apiVersion} ${object.kind}`).toBeDefined();
        expect(
          () => new Model!(object as never).validate(),
          `${object.kind} ${object.metadata.name}`,
        ).not.toThrow();
      }
      const names = objects.map((o) => `${o.kind}/${o.metadata.name}`);
      expect(new Set(names).size).toBe(names.length);
      expect(
        objects
          .filter((o) => o.kind !== 'Namespace')
          .every((o) => o.metadata.namespace === 'poolgraph'),
      ).toBe(true);
    });

    it('give every process a Deployment, a Service, an autoscaler and a disruption budget that fit together', () => {
      for (const [name, port] of Object.entries(SERVICES)) {
        const deployment = find(objects, 'Deployment', name);
        const template = podOf(deployment);
        const container = template.spec.containers[0]!;
        expect(container.ports).toEqual([{ name: 'http', containerPort: port }]);
        expect(container.env?.find((e) => e.name === 'PORT')?.value).toBe(String(port));
        const service = find(objects, 'Service', name).spec as {
          selector: Record<string, string>;
          ports: Array<{ port: number; targetPort: string }>;
        };
        expect(service.ports).toEqual([{ name: 'http', port, targetPort: 'http' }]);
        for (const [k, v] of Object.entries(service.selector))
          expect(template.metadata.labels[k]).toBe(v);
        const hpa = find(objects, 'HorizontalPodAutoscaler', name).spec as {
          scaleTargetRef: { kind: string; name: string };
          minReplicas: number;
          maxReplicas: number;
        };
        expect(hpa.scaleTargetRef).toMatchObject({ kind: 'Deployment', name });
        expect(hpa.minReplicas).toBeGreaterThanOrEqual(2);
        expect(hpa.maxReplicas).toBeGreaterThan(hpa.minReplicas);
        const pdb = find(objects, 'PodDisruptionBudget', name).spec as {
          minAvailable: number;
          selector: { matchLabels: Record<string, string> };
        };
        expect(pdb.minAvailable).toBeLessThan(hpa.minReplicas);
        for (const [k, v] of Object.entries(pdb.selector.matchLabels))
          expect(template.metadata.labels[k]).toBe(v);
      }
    });

    it('probe readiness on /readyz and liveness on /healthz, and run locked down', () => {
      for (const name of Object.keys(SERVICES)) {
        const { spec } = podOf(find(objects, 'Deployment', name));
        const container = spec.containers[0]!;
        // Every process serves HTTPS (TLS_CERT/TLS_KEY from its Secret), so the kubelet probes it so.
        const probe = (path: string) => ({ path, port: 'http', scheme: 'HTTPS' });
        expect(container.readinessProbe?.httpGet).toEqual(probe('/readyz'));
        expect(container.livenessProbe?.httpGet).toEqual(probe('/healthz'));
        expect(spec.securityContext.runAsNonRoot).toBe(true);
        expect(container.securityContext).toMatchObject({
          readOnlyRootFilesystem: true,
          allowPrivilegeEscalation: false,
          capabilities: { drop: ['ALL'] },
        });
        const tmp = container.volumeMounts.find((m) => m.mountPath === '/tmp');
        expect(spec.volumes.find((v) => v.name === tmp?.name)?.emptyDir).toBeDefined();
      }
    });

    it('run each image with the command the test harness starts it with', () => {
      for (const name of Object.keys(SERVICES)) {
        const entry =
          name === 'gateway' ? 'gateway/src/index.ts' : `subgraphs/${name}/src/index.ts`;
        const container = podOf(find(objects, 'Deployment', name)).spec.containers[0]!;
        expect(container.command).toEqual(['node', '--import', 'tsx', entry]);
        expect(container.image).toMatch(new RegExp(`poolgraph/${name}:`));
      }
      for (const name of SUBGRAPHS) {
        const job = podOf(find(objects, 'Job', `migrate-${name}`)).spec.containers[0]!;
        expect(job.command).toEqual(['node', '--import', 'tsx', 'scripts/migrate.ts', name]);
        expect(job.env?.[0]?.valueFrom?.secretKeyRef).toEqual({
          name: 'poolgraph-db',
          key: `${name.toUpperCase()}_MYSQL_URL`,
        });
      }
    });

    it('let only the gateway (and the named peer calls) reach each subgraph', () => {
      const policies = objects.filter((o) => o.kind === 'NetworkPolicy');
      const deny = find(policies, 'NetworkPolicy', 'default-deny-ingress').spec as {
        podSelector: object;
        policyTypes: string[];
      };
      expect(deny).toEqual({ podSelector: {}, policyTypes: ['Ingress'] });
      for (const name of SUBGRAPHS) {
        const selecting = policies.filter((p) => {
          const labels =
            (p.spec as { podSelector: { matchLabels?: Record<string, string> } }).podSelector
              .matchLabels ?? {};
          return labels['app.kubernetes.io/name'] === name;
        });
        expect(selecting.map((p) => p.metadata.name)).toEqual([`${name}-ingress`]);
        const rules = (
          selecting[0]!.spec as {
            ingress: Array<{
              from: Array<{ podSelector: { matchLabels: Record<string, string> } }>;
            }>;
          }
        ).ingress;
        const from = rules.flatMap((r) =>
          r.from.map((f) => f.podSelector.matchLabels['app.kubernetes.io/name']),
        );
        expect(from.sort()).toEqual(['gateway', ...PEERS[name]!].sort());
      }
    });

    it('tell the gateway and users whose x-forwarded-for names the client, in a form they accept', () => {
      for (const name of ['gateway', 'users']) {
        const env = podOf(find(objects, 'Deployment', name)).spec.containers[0]!.env ?? [];
        const value = env.find((e) => e.name === 'TRUSTED_PROXIES')?.value;
        expect(value, `${name} TRUSTED_PROXIES`).toBeDefined();
        expect(parseProxyTrust(value!), `${name} TRUSTED_PROXIES`).toHaveProperty('trust');
      }
    });

    it('give users and alerts the key-encryption key from poolgraph-keys, the old one optional', () => {
      for (const name of ['users', 'alerts']) {
        const env = podOf(find(objects, 'Deployment', name)).spec.containers[0]!.env ?? [];
        const ref = (key: string) => env.find((e) => e.name === key)?.valueFrom?.secretKeyRef;
        expect(ref('SECRETS_KEK'), name).toEqual({ name: 'poolgraph-keys', key: 'SECRETS_KEK' });
        expect(ref('SECRETS_KEK_PREVIOUS'), name).toEqual({
          name: 'poolgraph-keys',
          key: 'SECRETS_KEK_PREVIOUS',
          optional: true,
        });
      }
    });

    it('take database URLs and keys only from Secrets the manifests name', () => {
      const secretKeys = new Map<string, string[]>();
      for (const s of objects.filter((o) => o.kind === 'Secret')) {
        secretKeys.set(
          s.metadata.name,
          Object.keys((s as { stringData?: object }).stringData ?? {}),
        );
      }
      for (const o of objects.filter((x) => x.kind === 'Deployment' || x.kind === 'Job')) {
        for (const c of podOf(o).spec.containers) {
          for (const e of c.env ?? []) {
            if (/MYSQL_URL|REDIS_URL|OPS_TOKEN|SMTP_URL|SECRETS_KEK/.test(e.name))
              expect(e.valueFrom?.secretKeyRef, `${o.metadata.name} ${e.name}`).toBeDefined();
            const ref = e.valueFrom?.secretKeyRef;
            if (ref && label === 'base' && !ref.optional)
              expect(secretKeys.get(ref.name), `${ref.name}.${ref.key}`).toContain(ref.key);
          }
        }
      }
      if (label === 'production overlay') {
        // The real Secrets come from outside git; the placeholders never reach production.
        expect(secretKeys.size).toBe(0);
        for (const name of Object.keys(SERVICES)) {
          const { spec } = podOf(find(objects, 'Deployment', name));
          expect(spec.containers[0]!.image).toBe(`registry.example.com/poolgraph/${name}:1.0.0`);
          expect((find(objects, 'Deployment', name).spec as { replicas: number }).replicas).toBe(3);
        }
      }
    });
  });
}
