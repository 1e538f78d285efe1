import { Controller, Get, Module, RequestMethod, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { BUILT_IN_ROLES } from '@oms/access';
import {
  buildAbility,
  Can,
  IS_AUTHENTICATED_ONLY,
  IS_PUBLIC,
  REQUIRED_PERMISSION,
  type RoutePermission,
} from '@oms/core';
import { randomUUID } from 'node:crypto';
import { ADMIN, bootTestApp, login, type TestApp } from '../../../test/support/app.js';

/*
 * The permission matrix is generated from the routes the running application serves, so a new
 * endpoint is covered the moment it exists: it must declare what it needs, and every built-in
 * role must get exactly the answer CASL gives for that declaration.
 */

/** A route that declares nothing, and one that declares a permission: the guard's fail-closed path. */
@Controller('test-undeclared')
class UndeclaredRoutesController {
  @Get('open')
  open() {
    return { reached: true };
  }

  @Get('guarded')
  @Can('read', 'AuditLog')
  guarded() {
    return { reached: true };
  }
}

@Module({ controllers: [UndeclaredRoutesController] })
class UndeclaredRoutesModule {}

const TEST_ONLY_CONTROLLERS: Type[] = [UndeclaredRoutesController];

interface Declaration {
  isPublic: boolean;
  authenticated: boolean;
  can?: RoutePermission;
}

interface Route {
  method: string;
  path: string;
  controller: Type;
  handler: string;
  declaration: Declaration;
}

const PASSWORD = 'Correct-horse-42';
const WAREHOUSE = '019ab000-0000-7000-8000-00000000a001';

/** Every path and method the application actually serves, from the Express router. */
function servedRoutes(app: NestExpressApplication): Set<string> {
  const router = app.getHttpAdapter().getInstance().router as {
    stack: { route?: { path: string; methods: Record<string, boolean> } }[];
  };
  const served = new Set<string>();
  for (const layer of router.stack) {
    if (!layer.route) continue;
    for (const [method, on] of Object.entries(layer.route.methods)) {
      if (on) served.add(`${method.toUpperCase()} ${layer.route.path}`);
    }
  }
  return served;
}

function joinPath(...parts: string[]): string {
  const path = `/${parts.join('/')}`.replace(/\/+/g, '/');
  return path.length > 1 ? path.replace(/\/$/, '') : path;
}

function declarationOf(reflector: Reflector, controller: Type, handler: object): Declaration {
  const get = <T>(key: string) => reflector.get<T | undefined>(key, handler as never) ?? reflector.get<T | undefined>(key, controller);
  return {
    isPublic: get<boolean>(IS_PUBLIC) === true,
    authenticated: get<boolean>(IS_AUTHENTICATED_ONLY) === true,
    can: get<RoutePermission>(REQUIRED_PERMISSION),
  };
}

/**
 * Every controller method of the running app with the path it is served at: the global prefix
 * applies unless the route is excluded from it (as `/health` is), so the Express router decides.
 */
function discoverRoutes(app: NestExpressApplication): { routes: Route[]; unserved: string[] } {
  const discovery = app.get(DiscoveryService);
  const reflector = app.get(Reflector);
  const scanner = new MetadataScanner();
  const served = servedRoutes(app);
  const routes: Route[] = [];
  const unserved: string[] = [];
  for (const wrapper of discovery.getControllers()) {
    const controller = wrapper.metatype as Type | undefined;
    if (!controller?.prototype) continue;
    const bases = ([] as string[]).concat(Reflect.getMetadata(PATH_METADATA, controller) ?? '/');
    for (const name of scanner.getAllMethodNames(controller.prototype)) {
      const handler = controller.prototype[name];
      const paths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
      if (paths === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
      for (const base of bases) {
        for (const path of ([] as string[]).concat(paths)) {
          const raw = joinPath(base, path);
          const found = [joinPath('api', raw), raw].filter((p) => served.has(`${method} ${p}`));
          if (found.length !== 1) unserved.push(`${method} ${raw} (${controller.name}.${name})`);
          else routes.push({ method, path: found[0], controller, handler: name, declaration: declarationOf(reflector, controller, handler) });
        }
      }
    }
  }
  return { routes, unserved };
}

function label(route: Route): string {
  return `${route.method} ${route.path}`;
}

function describeDeclaration({ isPublic, authenticated, can }: Declaration): string {
  if (isPublic) return '@Public';
  if (can) return `@Can ${can.action} ${can.subject}`;
  if (authenticated) return '@Authenticated';
  return 'no declaration';
}

/** Routes that declare none, or more than one, of @Public, @Authenticated and @Can. */
function offenders(routes: Route[]): string[] {
  return routes
    .map((r) => {
      const count = [r.declaration.isPublic, r.declaration.authenticated, r.declaration.can !== undefined].filter(Boolean).length;
      return count === 1 ? undefined : `${label(r)} (${r.controller.name}.${r.handler}) declares ${count === 0 ? 'none' : count}`;
    })
    .filter((o): o is string => o !== undefined);
}

// The table of tests needs the routes before any test is defined, so the app boots here.
const t: TestApp = await bootTestApp({ imports: [UndeclaredRoutesModule] });
const discovered = discoverRoutes(t.app);
const isTestOnly = (r: Route) => TEST_ONLY_CONTROLLERS.includes(r.controller);
const productionRoutes = discovered.routes.filter((r) => !isTestOnly(r));
const testOnlyRoutes = discovered.routes.filter(isTestOnly);

/** Calls that would end the caller's own session run on a session of their own. */
const ENDS_OWN_SESSIONS = new Set(['POST /api/auth/logout', 'POST /api/auth/change-password']);

function fillParams(path: string): string {
  return path.replace(/:[A-Za-z_]\w*/g, () => randomUUID());
}

interface RoleUser {
  id: string;
  email: string;
  token: string;
  warehouseIds: string[];
}

const users = new Map<string, RoleUser>();
let adminToken: string;

async function createRoleUser(roleId: string, key: string, warehouseIds: string[]): Promise<RoleUser> {
  const email = `matrix.${key}@test.local`;
  const created = await t.http
    .post('/api/users')
    .auth(adminToken, { type: 'bearer' })
    .send({ email, name: `Matrix ${key}`, password: PASSWORD, roleIds: [roleId], warehouseIds });
  if (created.status !== 201) throw new Error(`Creating ${email}: ${created.status} ${JSON.stringify(created.body)}`);
  const { accessToken } = await login(t.http, email, PASSWORD);
  return { id: created.body.id, email, token: accessToken, warehouseIds };
}

async function call(route: Route, token: string) {
  const url = fillParams(route.path);
  const verb = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
  const req = t.http[verb](url).auth(token, { type: 'bearer' });
  return route.method === 'GET' || route.method === 'HEAD' ? req : req.send({});
}

const matrix = BUILT_IN_ROLES.flatMap((role) =>
  productionRoutes.map((route) => {
    const { can } = route.declaration;
    // CASL is the oracle; conditions do not matter for a route's subject-type check.
    const refused =
      can !== undefined &&
      !route.declaration.isPublic &&
      !buildAbility(role.permissions, { id: randomUUID(), email: 'x@test.local', warehouseIds: [WAREHOUSE], channelIds: [] }).can(
        can.action,
        can.subject,
      );
    const verdict = refused ? 'is refused' : 'may call';
    return { name: `${role.name} ${verdict} ${label(route)} (${describeDeclaration(route.declaration)})`, role, route, refused };
  }),
);

describe('permission matrix', () => {
  beforeAll(async () => {
    adminToken = (await login(t.http, ADMIN.email, ADMIN.password)).accessToken;
    for (const role of BUILT_IN_ROLES) {
      users.set(role.key, await createRoleUser(role.id, role.key, role.key === 'warehouse_staff' ? [WAREHOUSE] : []));
    }
  });
  afterAll(() => t.close());

  it('finds the routes of every controller at the path the application serves them', () => {
    expect(discovered.unserved).toEqual([]);
    const paths = productionRoutes.map(label);
    expect(paths).toEqual(expect.arrayContaining(['GET /health', 'POST /api/auth/login', 'GET /api/users/:id', 'POST /api/roles']));
    // The global prefix applies to everything but the routes excluded from it.
    expect(paths.filter((p) => !p.split(' ')[1].startsWith('/api/'))).toEqual(['GET /health']);
  });

  it('has every route declare exactly one of @Public, @Authenticated and @Can', () => {
    expect(offenders(productionRoutes)).toEqual([]);
  });

  it('names a route that declares nothing as an offender', () => {
    expect(offenders(testOnlyRoutes)).toEqual([
      'GET /api/test-undeclared/open (UndeclaredRoutesController.open) declares none',
    ]);
  });

  it.each(matrix)('$name', async ({ role, route, refused }) => {
    const user = users.get(role.key)!;
    const token = ENDS_OWN_SESSIONS.has(label(route))
      ? (await login(t.http, user.email, PASSWORD)).accessToken
      : user.token;
    const res = await call(route, token);
    const answer = `${res.status} ${JSON.stringify(res.body)}`;
    if (refused) {
      expect(answer).toMatch(/^403 /);
      expect(res.body).toMatchObject({ code: 'access.forbidden', details: route.declaration.can });
    } else {
      // Anything but a refusal; a 5xx is no refusal but a fault, so it fails too.
      expect(answer).not.toMatch(/^(401|403|5\d\d) /);
    }
  });

  describe('a route without a declaration', () => {
    it('answers 403 access.undeclared_route even to an administrator', async () => {
      const res = await t.http.get('/api/test-undeclared/open').auth(adminToken, { type: 'bearer' }).expect(403);
      expect(res.body).toMatchObject({ code: 'access.undeclared_route' });
    });

    it('answers 403 access.undeclared_route to every built-in role', async () => {
      for (const role of BUILT_IN_ROLES) {
        const res = await t.http.get('/api/test-undeclared/open').auth(users.get(role.key)!.token, { type: 'bearer' });
        expect(`${role.name}: ${res.status} ${res.body.code}`).toBe(`${role.name}: 403 access.undeclared_route`);
      }
    });

    it('still asks for a token first', async () => {
      const res = await t.http.get('/api/test-undeclared/open').expect(401);
      expect(res.body.code).toBe('auth.missing_token');
    });

    it('leaves a declared route beside it working for whoever the declaration admits', async () => {
      await t.http.get('/api/test-undeclared/guarded').auth(adminToken, { type: 'bearer' }).expect(200, { reached: true });
      const res = await t.http.get('/api/test-undeclared/guarded').auth(users.get('viewer')!.token, { type: 'bearer' }).expect(403);
      expect(res.body).toMatchObject({ code: 'access.forbidden', details: { action: 'read', subject: 'AuditLog' } });
    });
  });
});
