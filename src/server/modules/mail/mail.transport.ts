import nodemailer, { type Transporter } from 'nodemailer';

export interface OutgoingMail {
  to: string[];
  subject: string;
  text: string;
  language: string;
}

/** Sends mail through SMTP; the URL is read at each send, so that a capture started later can take over. */
export class Mailer {
  private transport: Transporter | null = null;
  private transportUrl: string | null = null;

  constructor(
    private readonly from: string,
    private readonly url: () => string | null,
  ) {}

  async send(mail: OutgoingMail): Promise<void> {
    const url = this.url();
    if (!url) throw new Error('no SMTP server configured (SMTP_URL)');
    if (!this.transport || this.transportUrl !== url) {
      this.transport?.close();
      this.transport = nodemailer.createTransport(url);
      this.transportUrl = url;
    }
    await this.transport.sendMail({
      from: this.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      headers: { 'Content-Language': mail.language },
    });
  }

  close(): void {
    this.transport?.close();
    this.transport = null;
  }
}
