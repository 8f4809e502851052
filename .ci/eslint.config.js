// Lint rules for app/, emails/ and tests/ (kept under .ci/ so the top level stays as the design fixes it).
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import jsxA11y from "eslint-plugin-jsx-a11y";

export default tseslint.config(
  { ignores: ["build/**", "node_modules/**", ".data/**", "tests/.tmp/**"] },
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks, "jsx-a11y": jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-restricted-syntax": [
        "error",
        { selector: "CallExpression[callee.object.name=/^(it|test|describe)$/][callee.property.name=/^(only|skip|todo)$/]", message: "No focused or skipped tests." },
      ],
    },
  },
  {
    // The platform is what capabilities build on: it never reaches into one (they register with it).
    files: ["app/platform/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["~/modules/*", "**/modules/*"], message: "app/platform never imports app/modules; let the capability register with the platform." }] }],
    },
  },
  {
    // One way to answer "not found": throw NotFoundError, which withOutcomes answers 404 in the
    // viewer's language (app/platform/decisions/004-input-boundary.md). Repeats the rule above, as
    // a later no-restricted-syntax replaces an earlier one.
    files: ["app/routes/**", "app/modules/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: "CallExpression[callee.object.name=/^(it|test|describe)$/][callee.property.name=/^(only|skip|todo)$/]", message: "No focused or skipped tests." },
        { selector: "Property[key.name='status'][value.value=404]", message: "Throw NotFoundError (~/platform/db/errors.server): withOutcomes answers 404 in the viewer's language." },
      ],
    },
  },
  {
    // Routes own HTTP, modules own rules: a route never writes SQL.
    files: ["app/routes/**"],
    rules: {
      "no-restricted-imports": ["error", { paths: [{ name: "~/platform/db/sql.server", message: "Routes call modules; modules write SQL." }] }],
    },
  },
);
