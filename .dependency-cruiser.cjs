// Layering rules of CONVENTIONS.md §1, checked in CI by `npm run lint`:
//   npx depcruise apps libs --config .dependency-cruiser.cjs
// Paths are relative to the repository root; `@oms/<ctx>` aliases come from tsconfig.json.

/** Packages that tie code to a framework, an ORM, validation or authorisation. */
const FRAMEWORK_PACKAGES = '(^|/)node_modules/(@nestjs/|typeorm/|class-validator/|@casl/)|^(@nestjs/|typeorm$|class-validator$|@casl/)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-plain-typescript',
      comment:
        'domain/ is plain TypeScript: no Nest, TypeORM, class-validator or CASL (CONVENTIONS.md §1). ' +
        'Put framework code in application/, infrastructure/ or http/.',
      severity: 'error',
      from: { path: '^libs/[^/]+/src/domain/' },
      to: { path: FRAMEWORK_PACKAGES },
    },
    {
      name: 'domain-depends-on-nothing-outer',
      comment: 'domain/ must not import application/, infrastructure/ or http/: dependencies point inwards.',
      severity: 'error',
      from: { path: '^libs/[^/]+/src/domain/' },
      to: { path: '^libs/[^/]+/src/(application|infrastructure|http)/' },
    },
    {
      name: 'application-not-to-http',
      comment: 'application/ must not import http/: controllers dispatch commands and queries, not the other way round.',
      severity: 'error',
      from: { path: '^libs/[^/]+/src/application/' },
      to: { path: '^libs/[^/]+/src/http/' },
    },
    {
      name: 'no-deep-import-across-contexts',
      comment:
        'A context reaches another only through its public API: `@oms/<ctx>` (libs/<ctx>/src/index.ts). ' +
        'Export what you need from that index instead of importing its files.',
      severity: 'error',
      from: { path: '^libs/([^/]+)/' },
      to: { path: '^libs/', pathNot: ['^libs/$1/', '^libs/[^/]+/src/index\\.ts$'] },
    },
    {
      name: 'libs-not-to-apps',
      comment: 'Libraries must not import applications (apps/api, apps/worker, apps/admin).',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'no-circular-in-libs',
      comment: 'Import cycles inside libs make module load order fragile under ESM; break the cycle.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { circular: true },
    },
    {
      name: 'admin-not-to-server',
      comment: 'The admin panel runs in the browser and talks to the server over HTTP only.',
      severity: 'error',
      from: { path: '^apps/admin/' },
      to: { path: '^(apps/(api|worker)|libs)/' },
    },
    {
      name: 'not-to-unresolvable',
      comment:
        'Every import must resolve; an unresolved one would also slip past the rules above. ' +
        'Check the path, the tsconfig.json alias or that the package is installed.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|\\.data|coverage|\\.tmp)/' },
    // Type-only imports count: a domain type importing a Nest type is still a dependency.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // Relative imports carry `.js` (nodenext) and resolve to the `.ts` source; the admin
    // panel's imports carry no extension at all.
    enhancedResolveOptions: {
      extensions: ['.ts', '.tsx', '.d.ts', '.js', '.mjs', '.cjs', '.json'],
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
