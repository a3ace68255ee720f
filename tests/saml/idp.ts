import { createSign, randomUUID } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import selfsigned from 'selfsigned';
import { SignedXml } from 'xml-crypto';

/**
 * A test identity provider: a real key and certificate made for the run, SAML responses built as
 * an IdP would and signed with xml-crypto (RSA-SHA256, exclusive C14N). Tests then tamper with
 * them to prove each attack is refused.
 */

export interface TestIdp {
  issuer: string;
  entryPoint: string;
  key: string;
  cert: string;
}

export async function makeTestIdp(issuer = 'https://idp.test.region.example'): Promise<TestIdp> {
  const pems = await selfsigned.generate([{ name: 'commonName', value: 'idp.test' }], { keySize: 2048, algorithm: 'sha256' });
  return { issuer, entryPoint: `${issuer}/sso`, key: pems.private, cert: pems.cert };
}

export interface AssertionFields {
  inResponseTo?: string;
  destination: string;
  recipient?: string;
  audience: string;
  issuer: string;
  assertionIssuer?: string;
  nameId: string;
  attributes: Record<string, string[]>;
  issueInstant?: Date;
  notOnOrAfter?: Date;
  sessionIndex?: string;
  /** Top-level StatusCode of the response (Success unless set). */
  status?: string;
}

const escapeXml = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);

export function assertionXml(f: AssertionFields, id = `_a${randomUUID()}`): string {
  const now = f.issueInstant ?? new Date();
  const notOnOrAfter = (f.notOnOrAfter ?? new Date(now.getTime() + 5 * 60000)).toISOString();
  const notBefore = new Date(now.getTime() - 60000).toISOString();
  const inResponseTo = f.inResponseTo ? ` InResponseTo="${escapeXml(f.inResponseTo)}"` : '';
  const attributes = Object.entries(f.attributes)
    .map(
      ([name, values]) =>
        `<saml:Attribute Name="${escapeXml(name)}">${values.map((v) => `<saml:AttributeValue>${escapeXml(v)}</saml:AttributeValue>`).join('')}</saml:Attribute>`,
    )
    .join('');
  return (
    `<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${id}" Version="2.0" IssueInstant="${now.toISOString()}">` +
    `<saml:Issuer>${escapeXml(f.assertionIssuer ?? f.issuer)}</saml:Issuer>` +
    `<saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:2.0:nameid-format:persistent">${escapeXml(f.nameId)}</saml:NameID>` +
    `<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData${inResponseTo} NotOnOrAfter="${notOnOrAfter}" Recipient="${escapeXml(f.recipient ?? f.destination)}"/></saml:SubjectConfirmation></saml:Subject>` +
    `<saml:Conditions NotBefore="${notBefore}" NotOnOrAfter="${notOnOrAfter}"><saml:AudienceRestriction><saml:Audience>${escapeXml(f.audience)}</saml:Audience></saml:AudienceRestriction></saml:Conditions>` +
    `<saml:AuthnStatement AuthnInstant="${now.toISOString()}" SessionIndex="${escapeXml(f.sessionIndex ?? `_s${randomUUID()}`)}"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>` +
    `<saml:AttributeStatement>${attributes}</saml:AttributeStatement>` +
    `</saml:Assertion>`
  );
}

export function responseXml(f: AssertionFields, assertion: string, id = `_r${randomUUID()}`): string {
  const inResponseTo = f.inResponseTo ? ` InResponseTo="${escapeXml(f.inResponseTo)}"` : '';
  return (
    `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${id}" Version="2.0" IssueInstant="${new Date().toISOString()}" Destination="${escapeXml(f.destination)}"${inResponseTo}>` +
    `<saml:Issuer>${escapeXml(f.issuer)}</saml:Issuer>` +
    `<samlp:Status><samlp:StatusCode Value="${escapeXml(f.status ?? 'urn:oasis:names:tc:SAML:2.0:status:Success')}"/></samlp:Status>` +
    assertion +
    `</samlp:Response>`
  );
}

/** Signs the element named `localName` (the first one), placing the signature after its Issuer. */
export function signElement(
  xml: string,
  localName: 'Assertion' | 'Response' | 'LogoutRequest',
  key: { key: string; cert: string },
): string {
  const signer = new SignedXml({
    privateKey: key.key,
    publicCert: key.cert,
    signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
    canonicalizationAlgorithm: 'http://www.w3.org/2001/10/xml-exc-c14n#',
  });
  const element = `//*[local-name(.)='${localName}']`;
  signer.addReference({
    xpath: element,
    transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature', 'http://www.w3.org/2001/10/xml-exc-c14n#'],
    digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
  });
  signer.computeSignature(xml, { location: { reference: `${element}/*[local-name(.)='Issuer']`, action: 'after' } });
  return signer.getSignedXml();
}

/** A response as a well-behaved IdP sends it: assertion signed, then the whole response signed. */
export function signedResponse(f: AssertionFields, key: { key: string; cert: string }): string {
  const assertion = signElement(assertionXml(f), 'Assertion', key);
  return signElement(responseXml(f, assertion), 'Response', key);
}

export const encodeResponse = (xml: string) => Buffer.from(xml, 'utf8').toString('base64');

/** The ID of the AuthnRequest carried (deflated, base64) in the redirect to the IdP. */
export function authnRequestIdFrom(location: string): string {
  const samlRequest = new URL(location).searchParams.get('SAMLRequest');
  if (!samlRequest) throw new Error(`no SAMLRequest in ${location}`);
  const xml = inflateRawSync(Buffer.from(samlRequest, 'base64')).toString('utf8');
  const id = /\sID="([^"]+)"/.exec(xml)?.[1];
  if (!id) throw new Error(`no ID in ${xml}`);
  return id;
}

export interface LogoutRequestFields {
  destination: string;
  issuer: string;
  nameId: string;
  sessionIndex?: string;
}

/** An IdP-initiated LogoutRequest (single logout), unsigned. */
export function logoutRequestXml(f: LogoutRequestFields, id = `_l${randomUUID()}`): string {
  const now = new Date();
  return (
    `<samlp:LogoutRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${id}" Version="2.0" IssueInstant="${now.toISOString()}" Destination="${escapeXml(f.destination)}" NotOnOrAfter="${new Date(now.getTime() + 5 * 60000).toISOString()}">` +
    `<saml:Issuer>${escapeXml(f.issuer)}</saml:Issuer>` +
    `<saml:NameID Format="urn:oasis:names:tc:SAML:2.0:nameid-format:persistent">${escapeXml(f.nameId)}</saml:NameID>` +
    (f.sessionIndex ? `<samlp:SessionIndex>${escapeXml(f.sessionIndex)}</samlp:SessionIndex>` : '') +
    `</samlp:LogoutRequest>`
  );
}

/**
 * The query string of a message in the HTTP-Redirect binding: deflated, base64, URL-encoded; signed
 * over `SAMLRequest=…&RelayState=…&SigAlg=…` as sent when a key is given (RSA-SHA256).
 */
export function redirectQuery(
  xml: string,
  options: { key?: { key: string }; relayState?: string; parameter?: 'SAMLRequest' | 'SAMLResponse' } = {},
): string {
  const parts = [
    `${options.parameter ?? 'SAMLRequest'}=${encodeURIComponent(deflateRawSync(Buffer.from(xml, 'utf8')).toString('base64'))}`,
  ];
  if (options.relayState) parts.push(`RelayState=${encodeURIComponent(options.relayState)}`);
  if (!options.key) return parts.join('&');
  parts.push(`SigAlg=${encodeURIComponent('http://www.w3.org/2001/04/xmldsig-more#rsa-sha256')}`);
  const signature = createSign('sha256').update(parts.join('&')).sign(options.key.key, 'base64');
  return `${parts.join('&')}&Signature=${encodeURIComponent(signature)}`;
}

/** The IdP's answer to a LogoutRequest this app sent (single logout it started). */
export function logoutResponseXml(f: { destination: string; issuer: string; inResponseTo: string }, id = `_lr${randomUUID()}`): string {
  return (
    `<samlp:LogoutResponse xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${id}" Version="2.0" IssueInstant="${new Date().toISOString()}" Destination="${escapeXml(f.destination)}" InResponseTo="${escapeXml(f.inResponseTo)}">` +
    `<saml:Issuer>${escapeXml(f.issuer)}</saml:Issuer>` +
    `<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>` +
    `</samlp:LogoutResponse>`
  );
}

/** The ID of the LogoutRequest carried (deflated, base64) in a redirect to the IdP. */
export const logoutRequestIdFrom = (location: string) => authnRequestIdFrom(location);
