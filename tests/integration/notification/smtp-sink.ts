/**
 * A tiny SMTP server for tests (RFC 5321: greeting, EHLO, MAIL, RCPT, DATA, QUIT — no TLS, no
 * auth), enough for nodemailer. It keeps what it received and can be told to refuse recipients.
 */
import { type Server, type Socket, createServer } from "node:net";

export type ReceivedMail = { from: string; to: string[]; data: string };

export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  rejectRecipients = false;
  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(): Promise<SmtpSink> {
    let sink: SmtpSink | null = null;
    const server = createServer((socket) => sink!.session(socket));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    sink = new SmtpSink(server, (server.address() as { port: number }).port);
    return sink;
  }

  get url() {
    return `smtp://127.0.0.1:${this.port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private command(
    line: string,
    mail: ReceivedMail,
    reply: (line: string) => void,
    startData: () => void,
    reset: () => void,
    socket: Socket,
  ) {
    switch (line.slice(0, 4).toUpperCase()) {
      case "EHLO":
      case "HELO":
        return reply("250 sink.test");
      case "MAIL":
        mail.from = line.slice(10);
        return reply("250 2.1.0 ok");
      case "RCPT":
        if (this.rejectRecipients) return reply("550 5.1.1 mailbox unavailable");
        mail.to.push(line.slice(8));
        return reply("250 2.1.5 ok");
      case "DATA":
        startData();
        return reply("354 end with <CRLF>.<CRLF>");
      case "RSET":
        reset();
        return reply("250 ok");
      case "QUIT":
        reply("221 bye");
        return socket.end();
      default:
        return reply("502 5.5.2 command not implemented");
    }
  }

  private session(socket: Socket) {
    let buffer = "";
    let mail: ReceivedMail = { from: "", to: [], data: "" };
    let inData = false;
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply("220 sink.test ESMTP ready");
    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      for (;;) {
        if (inData) {
          const end = buffer.indexOf("\r\n.\r\n");
          if (end === -1) return;
          mail.data = buffer.slice(0, end);
          buffer = buffer.slice(end + 5);
          inData = false;
          this.received.push(mail);
          mail = { from: "", to: [], data: "" };
          reply("250 2.0.0 queued");
          continue;
        }
        const newline = buffer.indexOf("\r\n");
        if (newline === -1) return;
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 2);
        this.command(
          line,
          mail,
          reply,
          () => (inData = true),
          () => (mail = { from: "", to: [], data: "" }),
          socket,
        );
      }
    });
    socket.on("error", () => undefined);
  }
}
