import { DOMParser, type Element } from '@xmldom/xmldom';
import { getVerifiedXml, parseDomFromString } from '@node-saml/node-saml/lib/xml.js';
import { X509Certificate, verify } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import type { SamlConfig } from '../config';
import { LogoutMessageRefused } from '../errors';

/**
 * What reaches the single-logout callback, checked before node-saml sees it. node-saml accepts a
 * LogoutRequest in the redirect binding without any signature when it carries none, and that
 * request ends every session of the person it names: so an IdP-initiated LogoutRequest (redirect or
 * POST binding) must be signed by a configured IdP certificate, sent to our logout callback
 * (Destination) by our IdP (Issuer). A LogoutResponse (the end of a sign-out this app started) only
 * ends the browser's own session: it must come from our IdP, and name our callback if it names one.
 * Anything else (a sign-in Response, nothing at all) is not a logout message.
 */

const protocolNs = 'urn:oasis:names:tc:SAML:2.0:protocol';
const assertionNs = 'urn:oasis:names:tc:SAML:2.0:assertion';
const maxMessageBytes = 256 * 1024;

/** Query-string signature algorithms of the redirect binding we accept, and their hash. */
const redirectSignatureAlgorithms: Record<string, string> = {
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256': 'sha256',
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512': 'sha512',
};

export interface LogoutMessage {
  /** The raw query string (redirect binding): its signature covers the parameters as sent. */
  rawQuery: string;
  query: Record<string, unknown>;
  body: Record<string, unknown>;
}

function parseRoot(xml: string): Element {
  const root = new DOMParser().parseFromString(xml, 'text/xml').documentElement;
  if (!root) throw new LogoutMessageRefused('not an XML message');
  return root;
}

function issuerOf(root: Element): string | undefined {
  for (let node = root.firstChild; node; node = node.nextSibling) {
    const element = node as Element;
    if (node.nodeType === 1 && element.namespaceURI === assertionNs && element.localName === 'Issuer') return element.textContent?.trim();
  }
  return undefined;
}

function checkRoot(root: Element, kind: 'LogoutRequest' | 'LogoutResponse', saml: SamlConfig, destinationRequired: boolean): void {
  if (root.namespaceURI !== protocolNs || root.localName !== kind)
    throw new LogoutMessageRefused(`expected a ${kind}, got ${root.localName}`);
  const destination = root.getAttribute('Destination');
  if ((destinationRequired || destination) && destination !== saml.logoutCallbackUrl) {
    throw new LogoutMessageRefused(`${kind} Destination ${JSON.stringify(destination)} is not this logout callback`);
  }
  const issuer = issuerOf(root);
  if (issuer !== saml.idpIssuer) throw new LogoutMessageRefused(`${kind} Issuer ${JSON.stringify(issuer)} is not the configured IdP`);
}

/** The parameters of a raw query string, each as sent (still URL-encoded), refusing repeated ones. */
function rawParameters(rawQuery: string): Map<string, string> {
  const parameters = new Map<string, string>();
  for (const token of rawQuery.split('&').filter(Boolean)) {
    const name = decodeURIComponent(token.split('=', 1)[0] ?? '');
    if (parameters.has(name)) throw new LogoutMessageRefused(`repeated parameter ${name}`);
    parameters.set(name, token);
  }
  return parameters;
}

const valueOf = (token: string) => decodeURIComponent(token.slice(token.indexOf('=') + 1));

/** Redirect binding: the query signature (SAMLRequest, RelayState, SigAlg as sent) by one of the IdP's certificates. */
function checkRedirectSignature(rawQuery: string, saml: SamlConfig): string {
  const parameters = rawParameters(rawQuery);
  const request = parameters.get('SAMLRequest');
  const sigAlg = parameters.get('SigAlg');
  const signature = parameters.get('Signature');
  if (!request || !sigAlg || !signature) throw new LogoutMessageRefused('unsigned LogoutRequest');
  const hash = redirectSignatureAlgorithms[valueOf(sigAlg)];
  if (!hash) throw new LogoutMessageRefused(`signature algorithm ${JSON.stringify(valueOf(sigAlg))} not accepted`);
  const relayState = parameters.get('RelayState');
  const signed = Buffer.from([request, ...(relayState ? [relayState] : []), sigAlg].join('&'));
  const signatureBytes = Buffer.from(valueOf(signature), 'base64');
  const isSigned = saml.idpCerts.some((pem) => verify(hash, signed, new X509Certificate(pem).publicKey, signatureBytes));
  if (!isSigned) throw new LogoutMessageRefused('LogoutRequest not signed by a configured IdP certificate');
  return inflateRawSync(Buffer.from(valueOf(request), 'base64'), { maxOutputLength: maxMessageBytes }).toString('utf8');
}

/** POST binding: the enveloped XML signature of the whole LogoutRequest; gives the signed bytes only. */
async function checkPostSignature(xml: string, saml: SamlConfig): Promise<string> {
  const document = await parseDomFromString(xml);
  const verified = document.documentElement ? getVerifiedXml(xml, document.documentElement, saml.idpCerts) : null;
  if (!verified) throw new LogoutMessageRefused('LogoutRequest not signed by a configured IdP certificate');
  return verified;
}

type Binding = 'redirect' | 'post';

function decode(value: unknown, binding: Binding): string {
  if (typeof value !== 'string') throw new LogoutMessageRefused('SAML message is not a single value');
  const bytes = Buffer.from(value, 'base64');
  return (binding === 'redirect' ? inflateRawSync(bytes, { maxOutputLength: maxMessageBytes }) : bytes).toString('utf8');
}

/** Throws LogoutMessageRefused unless the message may go on to node-saml (see the top of this file). */
export async function checkLogoutMessage(message: LogoutMessage, saml: SamlConfig): Promise<void> {
  const carriesMessage = (fields: Record<string, unknown>) => fields.SAMLRequest !== undefined || fields.SAMLResponse !== undefined;
  // As passport-saml reads it: a message in the query is the redirect binding, whatever the method.
  const binding: Binding = carriesMessage(message.query) ? 'redirect' : 'post';
  const fields = binding === 'redirect' ? message.query : message.body;
  if (binding === 'redirect' && carriesMessage(message.body))
    throw new LogoutMessageRefused('a SAML message in both the query and the body');
  if (fields.SAMLRequest !== undefined && fields.SAMLResponse !== undefined)
    throw new LogoutMessageRefused('both a SAMLRequest and a SAMLResponse');
  try {
    if (fields.SAMLRequest !== undefined) {
      if (typeof fields.SAMLRequest !== 'string') throw new LogoutMessageRefused('SAMLRequest is not a single value');
      const signedXml =
        binding === 'redirect'
          ? checkRedirectSignature(message.rawQuery, saml)
          : await checkPostSignature(decode(fields.SAMLRequest, 'post'), saml);
      checkRoot(parseRoot(signedXml), 'LogoutRequest', saml, true);
      return;
    }
    if (fields.SAMLResponse !== undefined) {
      checkRoot(parseRoot(decode(fields.SAMLResponse, binding)), 'LogoutResponse', saml, false);
      return;
    }
  } catch (error) {
    if (error instanceof LogoutMessageRefused) throw error;
    throw new LogoutMessageRefused(`unreadable SAML message: ${error instanceof Error ? error.message : String(error)}`);
  }
  throw new LogoutMessageRefused('no SAML logout message');
}
