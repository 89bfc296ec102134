import type { RequestHandler, Response } from 'express';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
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
import { ForbiddenError, UnauthorizedError } from './errors';

export interface JwtSettings {
  secret: Uint8Array;
  issuer: string;
  audience: string;
  tokenTtl: string;
}

/** HS256 only: a token signed any other way (including `alg: none`) is refused before its claims are read. */
const ALGORITHM = 'HS256';

export const claimsSchema = z.object({
  sub: z.string().min(1).max(64),
  name: z.string().min(1).max(64),
  dept: z.enum(DEPARTMENT_CODES),
  district: z.enum([...DISTRICT_CODES, 'city']),
  roles: z.array(z.enum(ROLES)).min(1),
});
export type Claims = z.infer<typeof claimsSchema>;

export async function signToken(claims: Claims, settings: JwtSettings): Promise<string> {
  const { sub, ...rest } = claimsSchema.parse(claims);
  return new SignJWT(rest)
    .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
    .setSubject(sub)
    .setIssuer(settings.issuer)
    .setAudience(settings.audience)
    .setIssuedAt()
    .setExpirationTime(settings.tokenTtl)
    .sign(settings.secret);
}

export async function verifyToken(token: string, settings: JwtSettings): Promise<Actor> {
  let payload: unknown;
  try {
    ({ payload } = await jwtVerify(token, settings.secret, {
      algorithms: [ALGORITHM],
      issuer: settings.issuer,
      audience: settings.audience,
      requiredClaims: ['exp', 'sub'],
    }));
  } catch (error) {
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
  return {
    userId: claims.data.sub,
    department: claims.data.dept,
    district: claims.data.district,
    roles: claims.data.roles,
  };
}

export function authenticate(settings: JwtSettings): RequestHandler {
  return (req, res, next) => {
    const header = req.headers.authorization;
    const match = header?.match(/^Bearer ([A-Za-z0-9._-]+)$/);
    if (!match?.[1]) {
      next(new UnauthorizedError());
      return;
    }
    verifyToken(match[1], settings).then((actor) => {
      res.locals.actor = actor;
      next();
    }, next);
  };
}

export function actorOf(res: Response): Actor {
  const actor = res.locals.actor as Actor | undefined;
  if (!actor) throw new UnauthorizedError();
  return actor;
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
  if (district && actor.district !== 'city' && actor.district !== district) {
    throw new ForbiddenError(`the caller's district does not cover ${district}`);
  }
}
