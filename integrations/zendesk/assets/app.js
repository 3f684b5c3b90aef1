// netiquette in the Zendesk ticket sidebar: checks the draft comment with a
// netiquette service (POST /v1/check) and lists what it finds.
//
// Self-contained on purpose (no code loaded from the service): the app cannot mark
// text inside Zendesk's own editor, so it needs a list, not the page's highlighter,
// and it keeps working when only Zendesk's proxy can reach the service.
// Everything the service returns is shown as text (textContent), never as HTML.
(function () {
  "use strict";

  var DEBOUNCE_MS = 500;
  var WORDS = {
    en: {
      checking: "Checking the draft…",
      empty: "Write a reply to check it.",
      summary: "Score {score}/100: {verdict}, {count} findings",
      passes: "passes",
      fails: "does not pass",
      apply: "Apply “{text}”",
      applyUnsafe: "Use “{text}” (check the meaning)",
      noSettings: "Set the service URL in the app's settings.",
      failed: "netiquette could not check the draft: {message}",
    },
    tr: {
      checking: "Taslak denetleniyor…",
      empty: "Denetlemek için bir yanıt yazın.",
      summary: "Puan {score}/100: {verdict}, {count} bulgu",
      passes: "geçti",
      fails: "geçmedi",
      apply: "“{text}” uygula",
      applyUnsafe: "“{text}” kullan (anlamı kontrol edin)",
      noSettings: "Uygulamanın ayarlarına hizmet adresini girin.",
      failed: "netiquette taslağı denetleyemedi: {message}",
    },
  };

  var client = ZAFClient.init();
  var settings = {};
  var language = "en";
  var timer = null;
  var latest = 0; // number of the newest check; older answers are dropped

  var summary = document.getElementById("summary");
  var errorBox = document.getElementById("error");
  var list = document.getElementById("findings");

  function t(key, values) {
    var text = (WORDS[language] || WORDS.en)[key];
    return text.replace(/\{(\w+)\}/g, function (whole, name) {
      return values && name in values ? String(values[name]) : whole;
    });
  }

  function resize() {
    client.invoke("resize", { width: "100%", height: document.body.scrollHeight + 16 + "px" });
  }

  // The service counts code points (Python str indexes), JavaScript counts UTF-16 units.
  function utf16Index(text, codePoints) {
    var unit = 0;
    var seen = 0;
    for (var character of text) {
      if (seen === codePoints) break;
      unit += character.length;
      seen += 1;
    }
    return unit;
  }

  /** POST /v1/check: through Zendesk's proxy (default) or straight from the browser. */
  function requestCheck(text) {
    var body = JSON.stringify({ text: text, lang: "auto", message_lang: language });
    var url = settings.service_url.replace(/\/+$/, "") + "/v1/check";
    if (settings.call_directly) {
      // Cross-origin: the service needs --cors-origin with this iframe's origin.
      return fetch(url, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: body,
      }).then(function (answer) {
        return answer.json().then(function (report) {
          if (!answer.ok) throw new Error(report.message || answer.statusText);
          return report;
        });
      });
    }
    // Zendesk's proxy puts the secure token in; the browser never sees it.
    return client
      .request({
        url: url,
        type: "POST",
        contentType: "application/json",
        data: body,
        dataType: "json",
        cors: false,
        secure: true,
        headers: { Authorization: "Bearer {{setting.token}}" },
      })
      .catch(function (failure) {
        var answer = failure && failure.responseJSON;
        throw new Error((answer && answer.message) || (failure && failure.statusText) || "error");
      });
  }

  function check(text) {
    var number = ++latest;
    if (!settings.service_url) {
      summary.textContent = t("noSettings");
      resize();
      return;
    }
    if (!text || !text.trim()) {
      summary.textContent = t("empty");
      summary.className = "summary";
      list.replaceChildren();
      errorBox.hidden = true;
      resize();
      return;
    }
    summary.textContent = t("checking");
    requestCheck(text).then(
      function (report) {
        if (number === latest) show(report);
      },
      function (failure) {
        if (number !== latest) return;
        errorBox.textContent = t("failed", { message: failure.message });
        errorBox.hidden = false;
        summary.textContent = "";
        resize();
      },
    );
  }

  function show(report) {
    errorBox.hidden = true;
    summary.textContent = t("summary", {
      score: report.score,
      verdict: report.passed ? t("passes") : t("fails"),
      count: report.suggestions.length,
    });
    summary.className = "summary " + (report.passed ? "pass" : "fail");
    list.replaceChildren.apply(
      list,
      report.suggestions.map(function (suggestion) {
        return item(report.text, suggestion);
      }),
    );
    resize();
  }

  function paragraph(className, text) {
    var element = document.createElement("p");
    element.className = className;
    element.textContent = text;
    return element;
  }

  function item(text, suggestion) {
    var li = document.createElement("li");
    li.className = "sev-" + suggestion.severity;
    li.dataset.rule = suggestion.rule_id;
    li.append(
      paragraph("match", "“" + suggestion.match + "”"),
      paragraph("message", suggestion.message),
      paragraph("rule", suggestion.rule_id + " " + suggestion.name + " · " + suggestion.severity),
    );
    (suggestion.replacements || []).forEach(function (replacement, position) {
      // Only the first replacement of a "safe" finding is a one-click fix; a missing
      // fix_safety counts as unsafe.
      var safe = position === 0 && suggestion.fix_safety === "safe";
      var button = document.createElement("button");
      button.type = "button";
      button.className = safe ? "safe" : "unsafe";
      button.textContent = t(safe ? "apply" : "applyUnsafe", { text: replacement });
      button.addEventListener("click", function () {
        apply(text, suggestion, replacement);
      });
      li.append(button);
    });
    return li;
  }

  /** Put a replacement into the draft, unless the agent changed it since the check. */
  function apply(checked, suggestion, replacement) {
    client.get("ticket.comment.text").then(function (data) {
      var current = data["ticket.comment.text"];
      if (current !== checked) return check(current);
      var from = utf16Index(current, suggestion.start);
      var to = utf16Index(current, suggestion.end);
      var changed = current.slice(0, from) + replacement + current.slice(to);
      return client.set("ticket.comment.text", changed).then(function () {
        check(changed);
      });
    });
  }

  function onDraftChanged() {
    clearTimeout(timer);
    timer = setTimeout(function () {
      client.get("ticket.comment.text").then(function (data) {
        check(data["ticket.comment.text"]);
      });
    }, DEBOUNCE_MS);
  }

  Promise.all([client.metadata(), client.get("currentUser.locale")]).then(function (answers) {
    settings = answers[0].settings || {};
    var locale = String(answers[1]["currentUser.locale"] || "en").toLowerCase();
    language = locale.indexOf("tr") === 0 ? "tr" : "en";
    document.documentElement.lang = language;
    client.on("ticket.comment.text.changed", onDraftChanged);
    return client.get("ticket.comment.text").then(function (data) {
      check(data["ticket.comment.text"]);
    });
  });
})();
