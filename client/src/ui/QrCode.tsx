import { QRCodeSVG } from 'qrcode.react';

export interface QrCodeProps {
  /** What the code encodes (a URL). */
  value: string;
  /** Its accessible name, e.g. "QR code of the participant link". */
  label: string;
  className?: string;
  testId?: string;
}

/**
 * A QR code drawn as inline SVG by qrcode.react (a maintained encoder, no network, no canvas or
 * data: image, so nothing for the page's Content-Security-Policy to refuse). Dark on white with
 * the standard quiet zone, whatever the theme, so every phone camera reads it.
 */
export function QrCode({ value, label, className, testId }: QrCodeProps) {
  return (
    <QRCodeSVG
      value={value}
      level="L"
      marginSize={4}
      bgColor="#ffffff"
      fgColor="#000000"
      size={256}
      role="img"
      aria-label={label}
      className={className}
      data-testid={testId}
      data-value={value}
    />
  );
}
