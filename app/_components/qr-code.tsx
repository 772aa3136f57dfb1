import QRCode from "qrcode";

// Long names make long links; beyond this a phone camera struggles, so the code carries the bare link.
const MAX_QR_TEXT = 600;

/** A QR code of a link, drawn on the server as inline SVG (no image service learns the link). */
export async function QrCode({ url, fallbackUrl, label }: { url: string; fallbackUrl: string; label: string }) {
  const text = url.length <= MAX_QR_TEXT ? url : fallbackUrl;
  // The SVG is generated from the link's bits by the library: it holds no text of ours.
  const svg = await QRCode.toString(text, { type: "svg", errorCorrectionLevel: "M", margin: 2, color: { dark: "#000000", light: "#ffffff" } });
  return (
    <div
      role="img"
      aria-label={label}
      className="w-48 max-w-full rounded-lg bg-white p-1 [&>svg]:h-auto [&>svg]:w-full"
      dangerouslySetInnerHTML={{ __html: svg }}
    />
  );
}
