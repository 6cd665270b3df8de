// Passkeys (WebAuthn) for the staff pages. A form marked data-passkey="create" or "get" asks the server for
// the options (a POST to data-options-handler with the form's antiforgery token), calls the browser's
// authenticator, puts the JSON of the credential in its hidden "Credential" field and submits itself; the
// server checks everything. Without WebAuthn in the browser, the form says so and stays unused.
const supported = typeof window.PublicKeyCredential === "function"
  && typeof PublicKeyCredential.parseCreationOptionsFromJSON === "function"
  && typeof PublicKeyCredential.parseRequestOptionsFromJSON === "function";

function showProblem(form, text) {
  const problem = form.querySelector("[data-passkey-problem]");
  if (problem) {
    problem.textContent = text;
    problem.hidden = false;
  }
}

async function run(form, submitter) {
  const token = form.querySelector("input[name='__RequestVerificationToken']")?.value ?? "";
  const url = new URL(form.getAttribute("action") || window.location.href, window.location.href);
  url.searchParams.set("handler", form.dataset.optionsHandler);
  const answer = await fetch(url, {
    method: "POST",
    credentials: "same-origin",
    headers: { "RequestVerificationToken": token },
  });
  if (!answer.ok) {
    showProblem(form, form.dataset.passkeyFailed);
    return;
  }
  const options = await answer.json();
  let credential;
  try {
    credential = form.dataset.passkey === "create"
      ? await navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options) })
      : await navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options) });
  } catch {
    // Cancelled, timed out, or no passkey for this site on this device.
    showProblem(form, form.dataset.passkeyCancelled);
    return;
  }
  form.querySelector("input[name='Credential']").value = JSON.stringify(credential);
  form.dataset.passkeyDone = "true";
  form.requestSubmit(submitter);
}

for (const form of document.querySelectorAll("form[data-passkey]")) {
  if (!supported) {
    for (const button of form.querySelectorAll("button")) button.disabled = true;
    showProblem(form, form.dataset.passkeyUnsupported);
    continue;
  }
  form.addEventListener("submit", (event) => {
    if (form.dataset.passkeyDone === "true") return;
    event.preventDefault();
    run(form, event.submitter).catch(() => showProblem(form, form.dataset.passkeyFailed));
  });
}
