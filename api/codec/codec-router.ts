/**
 * The codec server of the Temporal Web UI and CLI (`/codec/decode`, also under `/codec/{namespace}/…` for the CLI's
 * templated endpoint). Only supervisors and auditors may use it, only for the platform's namespace, only from the
 * Web UI's origin, and each sees decoded only the scopes (process and district) their work needs; the rest stay
 * ciphertext. Every use is written to the audit log. `/codec/encode` refuses everyone.
 */
import { Router, json, urlencoded, type Request, type RequestHandler } from 'express';
import cors from 'cors';
import { rateLimit } from 'express-rate-limit';
import type { AesGcmPayloadCodec } from '../../platform/codec/payload-codec';
import type { AuditLogPort } from '../../activities/adapters/audit-log/port';
import type { Actor } from '../../workflows/definitions';
import { authorize, verifyToken, type JwtSettings } from '../auth';
import { ForbiddenError, HttpError, ValidationError } from '../errors';
import type { RateLimitSettings } from '../rate-limit';
import { parse } from '../validation';
import {
  clearSessionCookie,
  codecActor,
  CODEC_PATH,
  CODEC_ROLES,
  sessionSchema,
  setSessionCookie,
  type CookiePolicy,
} from './codec-session';
import { mayDecode, type ScopeReaders } from './codec-scopes';
import { fromPayloadsJson, payloadsJsonSchema, toPayloadsJson } from './payloads-json';
import { signedInPage, signedOutPage, signInPage } from './sign-in-page';

export interface CodecServerSettings {
  payloadCodec: Pick<AesGcmPayloadCodec, 'decodeReadable'>;
  /** The one Temporal namespace whose payloads this server may decode. */
  namespace: string;
  /** Origins allowed to call from a browser: the Temporal Web UI's. */
  allowedOrigins: readonly string[];
  /** The endpoint as the Web UI should be told it (printed on the signed-in page). */
  publicEndpoint: string;
  cookie: CookiePolicy;
  bodyLimit: string;
  /** Refused requests a client may make per window before every request of theirs is refused (429). */
  refusalLimit: RateLimitSettings;
}

interface CodecServerDeps {
  codec: CodecServerSettings;
  jwt: JwtSettings;
  auditLog: Pick<AuditLogPort, 'record'>;
  /** Who may read each scope decoded: the processes' declared readers and the platform's operator. */
  scopeReaders: ScopeReaders;
}

class UndecryptablePayloadError extends HttpError {
  constructor() {
    super(422, 'undecryptable-payload', 'a payload failed authentication or names an unknown key');
  }
}

function namespaceOf(req: Request): string {
  const fromPath = (req.params as { namespace?: string }).namespace;
  const fromHeader = req.headers['x-namespace'];
  const namespace = fromPath ?? (typeof fromHeader === 'string' ? fromHeader : undefined);
  if (!namespace) throw new ValidationError([{ field: 'X-Namespace', rule: 'header is required' }]);
  return namespace;
}

/**
 * What stands before every codec route: CORS for the Web UI's origins, a limit on refused requests per client,
 * and a refusal of any other browser origin.
 */
function codecGuards(codec: CodecServerSettings) {
  // No Origin header: not a browser (the CLI, scripts); those are judged by their token alone.
  const originAllowed = (origin: string | undefined) => !origin || codec.allowedOrigins.includes(origin);
  const corsPolicy = cors({
    origin: (origin, callback) => callback(null, originAllowed(origin)),
    credentials: true,
    methods: ['POST'],
    allowedHeaders: ['Content-Type', 'X-Namespace', 'Authorization', 'Authorization-Extras'],
    maxAge: 600,
  });
  // Counted per client address, refusals only: someone probing for a token, a namespace or a scope is slowed
  // down, while a supervisor's Web UI, whose requests succeed, never meets the limit.
  const limitRefusals = rateLimit({
    windowMs: codec.refusalLimit.windowMs,
    limit: codec.refusalLimit.limit,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, res) => {
      res.status(429).json({
        error: {
          code: 'rate-limited',
          message: `more than ${codec.refusalLimit.limit} refused codec requests in ${codec.refusalLimit.windowMs / 1000} s; retry after the Retry-After delay`,
        },
      });
    },
  });
  const refuseForeignOrigin: RequestHandler = (req, _res, next) => {
    next(originAllowed(req.headers.origin) ? undefined : new ForbiddenError('origin not allowed'));
  };
  return { corsPolicy, limitRefusals, refuseForeignOrigin };
}

type AuditCodecUse = (
  actor: Actor,
  action: string,
  outcome: 'allowed' | 'refused',
  reason: string,
  details?: { payloads: number; withheld?: number },
) => Promise<unknown>;

/** Decoding is for the codec's roles and the platform's namespace alone; a refusal is audited. */
async function refuseUnlessDecoder(actor: Actor, namespace: string, served: string, audit: AuditCodecUse) {
  try {
    authorize(actor, { roles: CODEC_ROLES });
    if (namespace !== served)
      throw new ForbiddenError(`this codec server serves only the namespace ${served}`);
  } catch (error) {
    if (error instanceof ForbiddenError) await audit(actor, 'codec:decode', 'refused', error.message);
    throw error;
  }
}

export function codecRouter({ codec, jwt, auditLog, scopeReaders }: CodecServerDeps): Router {
  const router = Router();
  const { corsPolicy, limitRefusals, refuseForeignOrigin } = codecGuards(codec);
  const audit: AuditCodecUse = (actor, action, outcome, reason, details = { payloads: 0 }) =>
    auditLog.record({ actor, action, outcome, reason, details });

  const decodePaths = [`${CODEC_PATH}/decode`, `${CODEC_PATH}/:namespace/decode`];
  router.options(decodePaths, corsPolicy);
  router.post(
    decodePaths,
    corsPolicy,
    limitRefusals,
    refuseForeignOrigin,
    json({ limit: codec.bodyLimit }),
    async (req, res) => {
      const actor = await codecActor(req, jwt);
      await refuseUnlessDecoder(actor, namespaceOf(req), codec.namespace, audit);
      const payloads = fromPayloadsJson(parse(payloadsJsonSchema, req.body));
      let decoded;
      try {
        decoded = codec.payloadCodec.decodeReadable(payloads, (scope) =>
          mayDecode(actor, scope, scopeReaders),
        );
      } catch {
        await audit(actor, 'codec:decode', 'refused', 'undecryptable payload', { payloads: payloads.length });
        throw new UndecryptablePayloadError();
      }
      const { withheld } = decoded;
      await audit(actor, 'codec:decode', 'allowed', `role ${actor.roles.join(',')}`, {
        payloads: payloads.length,
        withheld,
      });
      res.json(toPayloadsJson(decoded.payloads));
    },
  );

  // Encoding would hand anyone with a Web UI or CLI session payloads the worker accepts as the platform's own: a
  // forged decision sent straight to Temporal. Everything that reaches a case goes through the API, so the codec
  // server only decodes, and says so to everyone who asks it to encode.
  const encodePaths = [`${CODEC_PATH}/encode`, `${CODEC_PATH}/:namespace/encode`];
  router.options(encodePaths, corsPolicy);
  router.post(encodePaths, corsPolicy, limitRefusals, refuseForeignOrigin, async (req) => {
    const actor = await codecActor(req, jwt);
    const reason = 'the codec server only decodes: decisions reach a case through the API alone';
    await audit(actor, 'codec:encode', 'refused', reason);
    throw new ForbiddenError(reason);
  });

  router.get(`${CODEC_PATH}/sign-in`, (_req, res) => {
    res.type('html').send(signInPage());
  });
  router.post(
    `${CODEC_PATH}/session`,
    limitRefusals,
    urlencoded({ extended: false, limit: '8kb' }),
    async (req, res) => {
      const { token } = parse(sessionSchema, req.body);
      const actor = await verifyToken(token, jwt);
      authorize(actor, { roles: CODEC_ROLES });
      setSessionCookie(res, token, codec.cookie);
      res.type('html').send(signedInPage(actor.userId, codec.publicEndpoint));
    },
  );
  router.post(`${CODEC_PATH}/session/sign-out`, (_req, res) => {
    clearSessionCookie(res, codec.cookie);
    res.type('html').send(signedOutPage());
  });
  return router;
}
