// Shows the "Print" buttons (hidden without JavaScript) and prints the page with the print style sheet.
document.querySelectorAll(".psp-print-button").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
});
