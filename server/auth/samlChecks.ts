import { DOMParser, type Element } from '@xmldom/xmldom';
import type { Profile } from '@node-saml/passport-saml';
import type { SamlConfig } from '../config';

const protocolNs = 'urn:oasis:names:tc:SAML:2.0:protocol';
const assertionNs = 'urn:oasis:names:tc:SAML:2.0:assertion';
const successStatus = 'urn:oasis:names:tc:SAML:2.0:status:Success';

function parse(xml: string): Element {
  const document = new DOMParser().parseFromString(xml, 'text/xml');
  const root = document.documentElement;
  if (!root) throw new Error('empty SAML document');
  return root;
}

function childElements(parent: Element, ns: string, localName: string): Element[] {
  const found: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    const element = node as Element;
    if (node.nodeType === 1 && element.namespaceURI === ns && element.localName === localName) found.push(element);
  }
  return found;
}

/**
 * What node-saml leaves to us, checked on the messages it verified: the response was meant for our
 * ACS (Destination) and says Success (top-level StatusCode), the assertion comes from our IdP
 * (Issuer), and its bearer confirmation names our ACS (Recipient). Throws with the reason; the caller answers 401.
 */
export function checkSignedResponse(profile: Profile, saml: SamlConfig): void {
  if (!profile.getSamlResponseXml || !profile.getAssertionXml) throw new Error('node-saml gave no verified XML');
  const response = parse(profile.getSamlResponseXml());
  if (response.getAttribute('Destination') !== saml.callbackUrl) {
    throw new Error(`SAML Response Destination ${JSON.stringify(response.getAttribute('Destination'))} is not this ACS`);
  }
  // node-saml reads the status only when the response carries no assertion: a signed assertion
  // beside a Responder or AuthnFailed status would otherwise sign the person in.
  const status = childElements(response, protocolNs, 'Status')[0];
  const statusCode = status ? childElements(status, protocolNs, 'StatusCode')[0]?.getAttribute('Value') : undefined;
  if (statusCode !== successStatus) throw new Error(`SAML Response StatusCode ${JSON.stringify(statusCode ?? null)} is not Success`);
  const responseIssuer = childElements(response, assertionNs, 'Issuer')[0]?.textContent?.trim();
  if (responseIssuer !== undefined && responseIssuer !== saml.idpIssuer) {
    throw new Error(`SAML Response Issuer ${JSON.stringify(responseIssuer)} is not the configured IdP`);
  }

  // The assertion node-saml verified the signature of (never one found elsewhere in the document).
  const assertion = parse(profile.getAssertionXml());
  const assertionIssuer = childElements(assertion, assertionNs, 'Issuer')[0]?.textContent?.trim();
  if (assertionIssuer !== saml.idpIssuer) {
    throw new Error(`SAML Assertion Issuer ${JSON.stringify(assertionIssuer)} is not the configured IdP`);
  }
  const subject = childElements(assertion, assertionNs, 'Subject')[0];
  const confirmations = subject ? childElements(subject, assertionNs, 'SubjectConfirmation') : [];
  const recipients = confirmations.flatMap((confirmation) =>
    childElements(confirmation, assertionNs, 'SubjectConfirmationData').map((data) => data.getAttribute('Recipient')),
  );
  if (recipients.length === 0 || recipients.some((recipient) => recipient !== saml.callbackUrl)) {
    throw new Error(`SAML SubjectConfirmationData Recipient ${JSON.stringify(recipients)} is not this ACS`);
  }
  if (response.namespaceURI !== protocolNs || response.localName !== 'Response') throw new Error('not a SAML Response');
}
