// After a form is refused, the summary of its problems takes focus, so that a screen reader announces it and a
// keyboard user starts from the links to each field (USWDS and GOV.UK error summary pattern).
document.addEventListener("DOMContentLoaded", function () {
    var summary = document.getElementById("error-summary");
    if (summary) {
        summary.focus();
    }
});
