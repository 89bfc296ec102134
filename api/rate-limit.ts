/**
 * Per-user rate limiting: each authenticated user (the token's subject) gets a budget of requests per window,
 * so one runaway script or stolen token cannot crowd out a district's clerks. Counted after authentication, so
 * a forged token cannot spend someone else's budget.
 */
import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { Actor } from '../workflows/definitions';

export interface RateLimitSettings {
  /** Requests allowed per user per window. */
  limit: number;
  windowMs: number;
}

export function perUserRateLimit(settings: RateLimitSettings): RequestHandler {
  return rateLimit({
    windowMs: settings.windowMs,
    limit: settings.limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (_req, res) => `user:${(res.locals.actor as Actor).userId}`,
    handler: (_req, res) => {
      res.status(429).json({
        error: {
          code: 'rate-limited',
          message: `more than ${settings.limit} requests in ${settings.windowMs / 1000} s; retry after the Retry-After delay`,
        },
      });
    },
  });
}
