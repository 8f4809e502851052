import { Body, Button, Container, Head, Heading, Hr, Html, Preview, Text } from "@react-email/components";
import type { ReactNode } from "react";

export type MailLocale = "vi" | "en";

const footer = {
  vi: "Vùng Đổi mới Sáng tạo Bình Dương · Bạn nhận thư này vì có hoạt động liên quan đến tài khoản của bạn.",
  en: "Binh Duong Innovation Region · You receive this mail because of activity on your account.",
};

export function Layout(props: { locale: MailLocale; preview: string; heading: string; children: ReactNode }) {
  return (
    <Html lang={props.locale}>
      <Head>
        <title>{props.heading}</title>
      </Head>
      <Preview>{props.preview}</Preview>
      <Body style={{ backgroundColor: "#f4f6f8", fontFamily: "Arial, sans-serif", color: "#1b1f24" }}>
        <Container style={{ backgroundColor: "#ffffff", padding: "24px", maxWidth: "560px" }}>
          <Heading as="h1" style={{ fontSize: "22px", color: "#0b3d6e" }}>
            {props.heading}
          </Heading>
          {props.children}
          <Hr />
          <Text style={{ fontSize: "12px", color: "#4a5561" }}>{footer[props.locale]}</Text>
        </Container>
      </Body>
    </Html>
  );
}

const buttonStyle = {
  backgroundColor: "#0b3d6e",
  color: "#ffffff",
  padding: "12px 18px",
  borderRadius: "6px",
  textDecoration: "none",
  display: "inline-block",
};

/** The mail's one action: a button, and the address written out for clients that show no buttons. */
export function Action({ href, children }: { href: string; children: ReactNode }) {
  return (
    <>
      <Button href={href} style={buttonStyle}>
        {children}
      </Button>
      <Text>{href}</Text>
    </>
  );
}
