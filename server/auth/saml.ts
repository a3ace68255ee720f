import {
  Strategy as SamlStrategy,
  ValidateInResponseTo,
  type CacheProvider,
  type Profile,
  type VerifyWithRequest,
} from '@node-saml/passport-saml';
import { Passport } from 'passport';
import type { SamlConfig } from '../config';
import type { Db } from '../db';
import { AccessDeniedError } from '../errors';
import type { Logger } from '../logger';
import { newRequestId, pendingRequestId } from './samlBinding';
import { checkSignedResponse } from './samlChecks';
import { signInWithIdentity, type Identity } from './signIn';

export const requestLifetimeMs = 10 * 60000;

/** InResponseTo cache in PostgreSQL: a response is accepted once, by whichever instance gets it. */
export function postgresRequestCache(db: Db): CacheProvider {
  return {
    async saveAsync(key, value) {
      await db('saml_requests')
        .where('created_at', '<', db.raw(`now() - make_interval(secs => ?)`, [requestLifetimeMs / 1000]))
        .delete();
      const [row] = await db('saml_requests').insert({ id: key, value }).onConflict('id').ignore().returning(['value', 'created_at']);
      return row ? { value: row.value as string, createdAt: new Date(row.created_at as string).getTime() } : null;
    },
    async getAsync(key) {
      const row = await db('saml_requests')
        .where({ id: key })
        .andWhere('created_at', '>=', db.raw(`now() - make_interval(secs => ?)`, [requestLifetimeMs / 1000]))
        .first('value');
      return (row?.value as string | undefined) ?? null;
    },
    async removeAsync(key) {
      if (key === null) return null;
      const [row] = await db('saml_requests').where({ id: key }).delete().returning('value');
      return (row?.value as string | undefined) ?? null;
    },
  };
}

function attribute(profile: Profile, name: string): string[] {
  const value = (profile.attributes as Record<string, unknown> | undefined)?.[name] ?? (profile as Record<string, unknown>)[name];
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value])
    .filter((v): v is string => typeof v === 'string')
    .map((v) => v.trim())
    .filter(Boolean);
}

export function identityFromProfile(profile: Profile, saml: SamlConfig): Identity {
  const email = attribute(profile, saml.attributes.email)[0] ?? (profile.email as string | undefined) ?? '';
  return {
    issuer: profile.issuer,
    nameId: profile.nameID,
    email,
    displayName: attribute(profile, saml.attributes.displayName)[0] ?? email ?? profile.nameID,
    directorateCode: attribute(profile, saml.attributes.directorate)[0],
    maisonCode: attribute(profile, saml.attributes.maison)[0],
    groups: attribute(profile, saml.attributes.groups),
  };
}

export interface SignedInBySaml {
  userId: string;
  saml: { issuer: string; nameID: string; nameIDFormat: string; sessionIndex?: string };
}

/**
 * SAML 2.0 sign-in with @node-saml/passport-saml: signed response and assertion required, audience,
 * InResponseTo always (PostgreSQL cache), bounded clock skew and assertion age, SHA-256; then our
 * own checks of Destination, Issuer and Recipient, then the user is created or refreshed.
 */
export function createSamlSignIn(deps: { saml: SamlConfig; db: Db; logger: Logger }) {
  const { saml, db } = deps;
  const strategy = new SamlStrategy(
    {
      name: 'saml',
      passReqToCallback: true,
      entryPoint: saml.entryPoint,
      issuer: saml.spEntityId,
      audience: saml.spEntityId,
      callbackUrl: saml.callbackUrl,
      idpCert: saml.idpCerts,
      idpIssuer: saml.idpIssuer,
      wantAssertionsSigned: true,
      wantAuthnResponseSigned: true,
      signatureAlgorithm: 'sha256',
      digestAlgorithm: 'sha256',
      acceptedClockSkewMs: saml.clockSkewMs,
      maxAssertionAgeMs: saml.maxAssertionAgeMs,
      validateInResponseTo: ValidateInResponseTo.always,
      requestIdExpirationPeriodMs: requestLifetimeMs,
      cacheProvider: postgresRequestCache(db),
      // The sign-in route chose the AuthnRequest ID (it is also in the browser's cookie).
      generateUniqueId: () => pendingRequestId.getStore() ?? newRequestId(),
      identifierFormat: null,
      disableRequestedAuthnContext: true,
      logoutUrl: saml.logoutUrl ?? saml.entryPoint,
      logoutCallbackUrl: saml.logoutCallbackUrl,
    },
    ((req, profile, done) => {
      if (!profile) {
        done(new Error('SAML response without a profile'));
        return;
      }
      void (async () => {
        checkSignedResponse(profile, saml);
        const user = await signInWithIdentity(db, identityFromProfile(profile, saml), saml.roleGroups, {
          ip: req.ip ?? null,
          userAgent: req.get('user-agent') ?? null,
        });
        const signedIn: SignedInBySaml = {
          userId: user.id,
          saml: { issuer: profile.issuer, nameID: profile.nameID, nameIDFormat: profile.nameIDFormat, sessionIndex: profile.sessionIndex },
        };
        done(null, { ...signedIn });
      })().catch((error: unknown) => {
        if (error instanceof AccessDeniedError) done(null, undefined, { accessDenied: error.reason });
        else done(error instanceof Error ? error : new Error(String(error)));
      });
    }) satisfies VerifyWithRequest,
    // IdP-initiated single logout (a signed LogoutRequest, checked by checkLogoutMessage before
    // node-saml sees it): every session of that person ends.
    ((req, profile, done) => {
      if (!profile) {
        done(null, undefined);
        return;
      }
      db('sessions')
        .whereRaw("sess::jsonb -> 'saml' ->> 'nameID' = ? and sess::jsonb -> 'saml' ->> 'issuer' = ?", [profile.nameID, profile.issuer])
        .delete()
        .then(
          () => done(null, (req as { user?: Record<string, unknown> }).user),
          (error: unknown) => done(error instanceof Error ? error : new Error(String(error))),
        );
    }) satisfies VerifyWithRequest,
  );
  const passport = new Passport();
  passport.use('saml', strategy);
  return { passport, strategy };
}
