// The first focus or press inside a form starts fetching its checks, once per form element
// (decision 008, §12). Shared by both form hooks, without react-hook-form or zod.
const warmed = new WeakSet<HTMLFormElement>();

export function warmOn(form: HTMLFormElement, load: () => Promise<unknown>, failed?: () => void) {
  if (warmed.has(form)) return;
  warmed.add(form);
  const warm = () => {
    form.removeEventListener("focusin", warm);
    form.removeEventListener("pointerdown", warm);
    // A failed fetch is retried by the check that needs it (and reported there).
    void load().catch(() => failed?.());
  };
  form.addEventListener("focusin", warm);
  form.addEventListener("pointerdown", warm);
}
