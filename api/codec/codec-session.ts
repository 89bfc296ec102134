/**
 * Who is asking the codec server. The Temporal Web UI cannot add our bearer token to its codec requests (it only
 * forwards its own OIDC token, and only over https), so a supervisor signs in once at /codec/sign-in and the
 * token rides in an HttpOnly cookie that the UI sends when "include cross-origin credentials" is on. The CLI and
 * scripts send the same token as `Authorization: Bearer`.
 */
import type { Request, Response } from 'express';
import { parse as parseCookies, serialize as serializeCookie } from 'cookie';
import { decodeJwt } from 'jose';
import { z } from 'zod';
import type { Actor, Role } from '../../workflows/definitions';
import { verifyToken, type JwtSettings } from '../auth';
import { UnauthorizedError } from '../errors';

export const CODEC_COOKIE = 'onething_codec';
export const CODEC_PATH = '/codec';
export const CODEC_ROLES: readonly Role[] = ['supervisor', 'auditor'];

export const sessionSchema = z
  .object({
    token: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9._-]{1,4096}$/, 'must be a JWT'),
  })
  .strict();

export interface CookiePolicy {
  /** Production puts the UI on another site, which needs SameSite=None and therefore Secure. */
  crossSite: boolean;
}

function tokenOf(req: Request): string | undefined {
  const header = req.headers.authorization?.match(/^Bearer ([A-Za-z0-9._-]+)$/)?.[1];
  if (header) return header;
  const cookie = req.headers.cookie ? parseCookies(req.headers.cookie)[CODEC_COOKIE] : undefined;
  return cookie && /^[A-Za-z0-9._-]+$/.test(cookie) ? cookie : undefined;
}

export async function codecActor(req: Request, jwt: JwtSettings): Promise<Actor> {
  const token = tokenOf(req);
  if (!token) throw new UnauthorizedError('sign in at /codec/sign-in or send a bearer token');
  return verifyToken(token, jwt);
}

export function setSessionCookie(res: Response, token: string, policy: CookiePolicy): void {
  const { exp } = decodeJwt(token);
  const maxAge = Math.max(0, (exp ?? 0) - Math.floor(Date.now() / 1000));
  res.append('Set-Cookie', sessionCookie(token, maxAge, policy));
}

export function clearSessionCookie(res: Response, policy: CookiePolicy): void {
  res.append('Set-Cookie', sessionCookie('', 0, policy));
}

function sessionCookie(value: string, maxAge: number, policy: CookiePolicy): string {
  return serializeCookie(CODEC_COOKIE, value, {
    httpOnly: true,
    path: CODEC_PATH,
    maxAge,
    sameSite: policy.crossSite ? 'none' : 'strict',
    secure: policy.crossSite,
  });
}
