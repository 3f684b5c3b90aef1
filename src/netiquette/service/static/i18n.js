// The page's own words in English and Turkish, and the page-language switch.
//
// Elements carry data-i18n="key" (their text) or data-i18n-attr="attr:key,attr:key"
// (attributes such as aria-label); applyLanguage() fills them in. Text only: a
// translation is never parsed as HTML.

export const LANGUAGES = ["en", "tr"];

const WORDS = {
  en: {
    title: "netiquette: check a reply",
    heading: "Check a reply",
    intro: "Type or paste a reply. Findings are marked in the text as you type.",
    pageLanguage: "Page language",
    reply: "Reply",
    replyLanguage: "Language of the reply",
    langAuto: "Detect",
    langEn: "English",
    langTr: "Türkçe",
    placeholder: "Hi Sam, thanks for writing to us…",
    results: "Result",
    score: "Score",
    passes: "Passes",
    fails: "Does not pass",
    scores: "Scores by category",
    findings: "Findings",
    noFindings: "Nothing to fix.",
    empty: "Type a reply to check it.",
    checking: "Checking…",
    summary: "Score {score} of 100, {verdict}. {count} findings.",
    summaryOne: "Score {score} of 100, {verdict}. 1 finding.",
    checkedIn: "Checked as {lang}.",
    apply: "Apply “{text}”",
    applyUnsafe: "Use “{text}”",
    remove: "Remove “{text}”",
    unsafeNote: "Suggestion: may change the meaning; read before you apply.",
    noReplacement: "No automatic replacement: rewrite this part.",
    showInText: "Show in the text",
    close: "Close",
    skipped: "{category} not checked: {reason}",
    tokenLegend: "This service needs a token",
    tokenLabel: "Token",
    tokenSubmit: "Use token",
    tokenHelp: "Kept in this browser tab only (sessionStorage).",
    networkError: "The service cannot be reached: {detail}",
    line: "line {line}",
    severity_error: "error",
    severity_warning: "warning",
    severity_info: "info",
    category_tone: "Tone",
    category_profanity: "Profanity",
    category_jargon: "Jargon",
    category_readability: "Readability",
    category_boilerplate: "Boilerplate",
    category_grammar: "Grammar",
    lang_en: "English",
    lang_tr: "Turkish",
  },
  tr: {
    title: "netiquette: yanıtı denetle",
    heading: "Yanıtı denetle",
    intro: "Bir yanıt yazın ya da yapıştırın. Bulgular siz yazarken metinde işaretlenir.",
    pageLanguage: "Sayfa dili",
    reply: "Yanıt",
    replyLanguage: "Yanıtın dili",
    langAuto: "Otomatik",
    langEn: "English",
    langTr: "Türkçe",
    placeholder: "Merhaba Ayşe Hanım, bize yazdığınız için teşekkürler…",
    results: "Sonuç",
    score: "Puan",
    passes: "Geçti",
    fails: "Geçmedi",
    scores: "Kategorilere göre puanlar",
    findings: "Bulgular",
    noFindings: "Düzeltilecek bir şey yok.",
    empty: "Denetlemek için bir yanıt yazın.",
    checking: "Denetleniyor…",
    summary: "Puan 100 üzerinden {score}, {verdict}. {count} bulgu.",
    summaryOne: "Puan 100 üzerinden {score}, {verdict}. 1 bulgu.",
    checkedIn: "{lang} olarak denetlendi.",
    apply: "“{text}” uygula",
    applyUnsafe: "“{text}” kullan",
    remove: "“{text}” sil",
    unsafeNote: "Öneri: anlamı değiştirebilir; uygulamadan önce okuyun.",
    noReplacement: "Otomatik düzeltme yok: bu kısmı yeniden yazın.",
    showInText: "Metinde göster",
    close: "Kapat",
    skipped: "{category} denetlenmedi: {reason}",
    tokenLegend: "Bu hizmet bir anahtar (token) istiyor",
    tokenLabel: "Anahtar",
    tokenSubmit: "Anahtarı kullan",
    tokenHelp: "Yalnızca bu tarayıcı sekmesinde saklanır (sessionStorage).",
    networkError: "Hizmete ulaşılamıyor: {detail}",
    line: "{line}. satır",
    severity_error: "hata",
    severity_warning: "uyarı",
    severity_info: "bilgi",
    category_tone: "Üslup",
    category_profanity: "Küfür",
    category_jargon: "Jargon",
    category_readability: "Okunabilirlik",
    category_boilerplate: "Kalıp metin",
    category_grammar: "Dil bilgisi",
    lang_en: "İngilizce",
    lang_tr: "Türkçe",
  },
};

let current = "en";

/** The page language to start with: a choice made before, else the browser's. */
export function initialLanguage() {
  let stored = null;
  try {
    stored = localStorage.getItem("netiquette.pageLang");
  } catch (_) {
    // storage may be disabled; the browser's language is enough
  }
  if (LANGUAGES.includes(stored)) return stored;
  const browser = (navigator.language || "en").toLowerCase();
  return browser.startsWith("tr") ? "tr" : "en";
}

export function language() {
  return current;
}

/** A word of the current language, with {name} holes filled from `values`. */
export function t(key, values = {}) {
  const template = WORDS[current][key] ?? WORDS.en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name) =>
    name in values ? String(values[name]) : whole,
  );
}

/** Switch the page to `lang`: every data-i18n element, <html lang> and the title. */
export function applyLanguage(lang, root = document) {
  current = LANGUAGES.includes(lang) ? lang : "en";
  try {
    localStorage.setItem("netiquette.pageLang", current);
  } catch (_) {
    // not remembered; fine
  }
  document.documentElement.lang = current;
  document.title = t("title");
  for (const element of root.querySelectorAll("[data-i18n]")) {
    element.textContent = t(element.dataset.i18n);
  }
  for (const element of root.querySelectorAll("[data-i18n-attr]")) {
    for (const pair of element.dataset.i18nAttr.split(",")) {
      const [attribute, key] = pair.split(":");
      element.setAttribute(attribute.trim(), t(key.trim()));
    }
  }
}
