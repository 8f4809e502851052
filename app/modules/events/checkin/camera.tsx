import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

// The phone's camera reading QR codes: the browser's own BarcodeDetector where it has one, else
// jsQR (bundled, loaded only when the camera is opened) on frames drawn to a canvas.

type Detector = { detect: (source: HTMLVideoElement) => Promise<{ rawValue: string }[]> };
declare global {
  interface Window {
    BarcodeDetector?: new (options: { formats: string[] }) => Detector;
  }
}

async function makeReader(video: HTMLVideoElement): Promise<() => Promise<string | null>> {
  if (window.BarcodeDetector) {
    const detector = new window.BarcodeDetector({ formats: ["qr_code"] });
    return async () => (await detector.detect(video))[0]?.rawValue ?? null;
  }
  const { default: jsQR } = await import("jsqr");
  const canvas = document.createElement("canvas");
  const context = canvas.getContext("2d", { willReadFrequently: true });
  return async () => {
    if (!context || !video.videoWidth) return null;
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    context.drawImage(video, 0, 0);
    const image = context.getImageData(0, 0, canvas.width, canvas.height);
    return jsQR(image.data, image.width, image.height, { inversionAttempts: "dontInvert" })?.data ?? null;
  };
}

export function CameraScanner({ onCode }: { onCode: (code: string) => void }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [on, setOn] = useState(false);
  const [unavailable, setUnavailable] = useState(false);
  const handler = useRef(onCode);
  handler.current = onCode;

  useEffect(() => {
    if (!on) return;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    // the same ticket held in front of the camera is read many times a second: once is enough
    let last = { code: "", at: 0 };
    (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false });
        if (stopped || !video.current) return;
        video.current.srcObject = stream;
        await video.current.play();
        const read = await makeReader(video.current);
        const tick = async () => {
          if (stopped) return;
          const code = await read().catch(() => null);
          if (code && (code !== last.code || Date.now() - last.at > 4000)) {
            last = { code, at: Date.now() };
            handler.current(code);
          }
          timer = setTimeout(tick, 250);
        };
        void tick();
      } catch {
        setUnavailable(true);
        setOn(false);
      }
    })();
    return () => {
      stopped = true;
      clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [on]);

  return (
    <div className="checkin-camera">
      <button type="button" className="button" onClick={() => setOn((v) => !v)} aria-pressed={on}>
        {on ? t("events.checkin.stopScan") : t("events.checkin.scan")}
      </button>
      {unavailable ? <p className="hint">{t("events.checkin.cameraUnavailable")}</p> : null}
      {on ? (
        <>
          <p className="hint">{t("events.checkin.cameraHint")}</p>
          <video ref={video} muted playsInline className="checkin-video" />
        </>
      ) : null}
    </div>
  );
}
