import nodemailer from 'nodemailer';

export interface MailMessage {
  to: string[];
  subject: string;
  text: string;
  html: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/**
 * Sends e-mail through the SMTP server of `smtpUrl` (nodemailer). One connection per message: the
 * app sends a few digests a week, never a stream. A refused connection or message throws, and the
 * job that sent it is retried by the queue.
 */
export function createMailer(options: { smtpUrl: string; from: string }): Mailer {
  return {
    async send(message) {
      const transport = nodemailer.createTransport(options.smtpUrl, { from: options.from });
      try {
        await transport.sendMail({ from: options.from, to: message.to, subject: message.subject, text: message.text, html: message.html });
      } finally {
        transport.close();
      }
    },
  };
}
