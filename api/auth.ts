import { webcrypto } from 'node:crypto';
import type { RequestHandler, Response } from 'express';
import { decodeProtectedHeader, errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import {
  DEPARTMENT_CODES,
  DISTRICT_CODES,
  ROLES,
  type Actor,
  type Department,
  type District,
  type Role,
} from '../workflows/definitions';
import { holdsAny, type Permission as RulePermission } from '../workflows/kit/access';
import { ForbiddenError, UnauthorizedError } from './errors';
import { creditCodeSchema } from './schemas';
import { isProviderToken, verifyProviderToken, type IdentityProviderSettings } from './provider-tokens';

export interface JwtSettings {
  secret: Uint8Array;
  issuer: string;
  audience: string;
  tokenTtl: string;
  /** The city's OpenID Connect provider, whose access tokens the API also trusts; none in development. */
  provider?: IdentityProviderSettings;
}

/** HS256 only: a token signed any other way (including `alg: none`) is refused before its claims are read. */
const ALGORITHM = 'HS256';
/** The key id our tokens carry; a token naming another key was not signed by us. */
const JWT_KEY_ID = 'onething-hs256-1';

/** Permissions a token may grant on top of its roles. */
export const PERMISSIONS = ['unmask-personal-data'] as const;
type Permission = (typeof PERMISSIONS)[number];

export const claimsSchema = z
  .object({
    sub: z.string().min(1).max(64),
    name: z.string().min(1).max(64),
    dept: z.enum(DEPARTMENT_CODES),
    district: z.enum([...DISTRICT_CODES, 'city']),
    roles: z.array(z.enum(ROLES)).min(1),
    /** Grants beyond the role; absent for most staff. */
    perms: z.array(z.enum(PERMISSIONS)).optional(),
    /** An enterprise's credit code: present exactly when the token is an enterprise's (department `enterprise`). */
    org: creditCodeSchema.optional(),
  })
  .superRefine((claims, ctx) => {
    const enterprise = claims.dept === 'enterprise';
    if (enterprise !== (claims.org !== undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['org'],
        message: 'names the credit code of an enterprise’s token, and only then',
      });
    }
    if (enterprise !== claims.roles.includes('legal-person') || (enterprise && claims.roles.length !== 1)) {
      ctx.addIssue({
        code: 'custom',
        path: ['roles'],
        message: 'an enterprise acts as legal-person, and only an enterprise does',
      });
    }
    if (enterprise && claims.perms !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['perms'],
        message: 'an enterprise holds no permission beyond its own',
      });
    }
  });
export type Claims = z.infer<typeof claimsSchema>;

export async function signToken(claims: Claims, settings: JwtSettings): Promise<string> {
  const { sub, ...rest } = claimsSchema.parse(claims);
  return new SignJWT(rest)
    .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT', kid: JWT_KEY_ID })
    .setSubject(sub)
    .setIssuer(settings.issuer)
    .setAudience(settings.audience)
    .setIssuedAt()
    .setExpirationTime(settings.tokenTtl)
    .sign(settings.secret);
}

export async function verifyToken(token: string, settings: JwtSettings): Promise<Actor> {
  return actorFromClaims(await verifyClaims(token, settings));
}

function actorFromClaims(claims: Claims): Actor {
  return {
    userId: claims.sub,
    department: claims.dept,
    district: claims.district,
    roles: claims.roles,
    ...(claims.org ? { creditCode: claims.org } : {}),
  };
}

export function actorOf(res: Response): Actor {
  const actor = res.locals.actor as Actor | undefined;
  if (!actor) throw new UnauthorizedError();
  return actor;
}

export function permissionsOf(res: Response): readonly Permission[] {
  return (res.locals.permissions as Permission[] | undefined) ?? [];
}

const verificationKeys = new WeakMap<Uint8Array, Promise<webcrypto.CryptoKey>>();

/** The secret imported once per process: given the raw bytes, jose imports them again for every token it checks. */
function verificationKey(secret: Uint8Array): Promise<webcrypto.CryptoKey> {
  let key = verificationKeys.get(secret);
  if (!key) {
    key = webcrypto.subtle.importKey('raw', secret, { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
    verificationKeys.set(secret, key);
  }
  return key;
}

async function verifyOwnToken(token: string, settings: JwtSettings): Promise<unknown> {
  const { kid } = decodeProtectedHeader(token);
  if (kid !== undefined && kid !== JWT_KEY_ID) throw new UnauthorizedError('token names an unknown key id');
  const { payload } = await jwtVerify(token, await verificationKey(settings.secret), {
    algorithms: [ALGORITHM],
    issuer: settings.issuer,
    audience: settings.audience,
    requiredClaims: ['exp', 'sub', 'iat'],
    // However far off its expiry, a token is good for the configured lifetime from when it was issued.
    maxTokenAge: settings.tokenTtl,
  });
  return payload;
}

async function verifyClaims(token: string, settings: JwtSettings): Promise<Claims> {
  let payload: unknown;
  try {
    payload = isProviderToken(token, settings.provider)
      ? await verifyProviderToken(token, settings.provider!)
      : await verifyOwnToken(token, settings);
  } catch (error) {
    if (error instanceof UnauthorizedError) throw error;
    if (error instanceof joseErrors.JWTExpired) throw new UnauthorizedError('token has expired');
    if (error instanceof joseErrors.JWTClaimValidationFailed) {
      throw new UnauthorizedError(`token claim "${error.claim}" is not accepted`);
    }
    throw new UnauthorizedError('token is not valid');
  }
  const claims = claimsSchema.safeParse(payload);
  if (!claims.success) {
    const fields = [...new Set(claims.error.issues.map((issue) => String(issue.path[0])))].join(', ');
    throw new UnauthorizedError(`token claims are not valid: ${fields}`);
  }
  return claims.data;
}

export function authenticate(settings: JwtSettings): RequestHandler {
  return (req, res, next) => {
    const header = req.headers.authorization;
    const match = header?.match(/^Bearer ([A-Za-z0-9._-]+)$/);
    if (!match?.[1]) {
      next(new UnauthorizedError());
      return;
    }
    verifyClaims(match[1], settings).then((claims) => {
      res.locals.actor = actorFromClaims(claims);
      res.locals.permissions = claims.perms ?? [];
      next();
    }, next);
  };
}

export interface AccessRule {
  roles: readonly Role[];
  /** Departments allowed; omitted means any department. */
  departments?: readonly Department[];
}

/** Throws 403 unless the actor holds one of the roles, in an allowed department, with reach over the district. */
export function authorize(actor: Actor, rule: AccessRule, district?: District): void {
  if (!actor.roles.some((role) => rule.roles.includes(role))) {
    throw new ForbiddenError(`requires one of the roles: ${rule.roles.join(', ')}`);
  }
  if (rule.departments && !rule.departments.includes(actor.department)) {
    throw new ForbiddenError(`requires a department among: ${rule.departments.join(', ')}`);
  }
  checkReach(actor, district);
}

/** Throws 403 unless one of a process's permissions (its rules table) matches the actor, with reach over the district. */
export function authorizeByPermissions(
  actor: Actor,
  permissions: readonly RulePermission[],
  district: District,
): void {
  if (!holdsAny(permissions, actor)) {
    const allowed = permissions.map((p) => `${p.role} at ${p.departments.join(' or ')}`).join('; ');
    throw new ForbiddenError(`requires ${allowed}`);
  }
  checkReach(actor, district);
}

function checkReach(actor: Actor, district: District | undefined): void {
  if (district && actor.district !== 'city' && actor.district !== district) {
    throw new ForbiddenError(`the caller's district does not cover ${district}`);
  }
}
