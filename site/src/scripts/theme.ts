const KEY = "zoo-theme";

function currentTheme(): "light" | "dark" {
  const chosen = document.documentElement.dataset.theme;
  if (chosen === "light" || chosen === "dark") return chosen;
  return matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

/** The header's toggle flips between light and dark and remembers the choice; without it the system's applies. */
export function initTheme(): void {
  const button = document.querySelector<HTMLButtonElement>(".theme-toggle");
  if (!button) return;
  const label = () => (button.textContent = currentTheme() === "dark" ? "☀ Light" : "☾ Dark");
  label();
  button.addEventListener("click", () => {
    const next = currentTheme() === "dark" ? "light" : "dark";
    document.documentElement.dataset.theme = next;
    try {
      localStorage.setItem(KEY, next);
    } catch {
      // Private browsing may refuse storage: the theme still changes for this page.
    }
    label();
  });
}
