using System.Net;
using System.Text;
using Microsoft.Extensions.Options;
using MimeKit;
using PspPortal.Web.Domain;

namespace PspPortal.Web.Infrastructure.Mail;

/// <summary>Writes the portal's messages: a plain-text part and an HTML part written for a screen reader (a real
/// heading, a language, link text that says where it goes), and the RFC 8058 one-click unsubscribe headers. Every link
/// comes from App:BaseUrl (<see cref="PublicUrls"/>).</summary>
public sealed class MailComposer(IOptions<MailOptions> options, PublicUrls urls, UnsubscribeTokens tokens)
{
    public sealed record Item(NotificationKind Kind, string Text, string Link, DateTime CreatedAt);

    /// <summary>A message that tells of one notification.</summary>
    public MimeMessage ForOne(string to, string name, Item item, string userId) =>
        Compose(to, name, $"PSP Portal: {Shorten(item.Text)}", "Something needs you in PSP Portal", [item],
            tokens.For(userId, item.Kind), $"You receive this because your choice for \u201c{Notification.KindName(item.Kind)}\u201d is \u201cRight away\u201d.",
            $"Stop emails about \u201c{Notification.KindName(item.Kind)}\u201d");

    /// <summary>One message that gathers a day's notifications of the kinds the person gets as a digest.</summary>
    public MimeMessage Digest(string to, string name, DateOnly day, IReadOnlyList<Item> items, string userId)
    {
        var date = day.ToString("MMMM d, yyyy", System.Globalization.CultureInfo.InvariantCulture);
        return Compose(to, name, $"PSP Portal: your daily digest for {date} ({items.Count} {(items.Count == 1 ? "notification" : "notifications")})",
            $"Your PSP Portal digest for {date}", items, tokens.For(userId, null),
            "You receive this because you chose \u201cDaily digest\u201d for these kinds of event.", "Stop daily digest emails");
    }

    private MimeMessage Compose(string to, string name, string subject, string heading, IReadOnlyList<Item> items, string token, string why, string stopText)
    {
        var unsubscribe = Link($"Notifications/Unsubscribe?token={Uri.EscapeDataString(token)}");
        var manage = Link("Account/Manage#email-notifications");
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("PSP Portal", options.Value.From));
        message.To.Add(new MailboxAddress(name, to));
        message.Subject = subject;
        message.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        message.Headers.Add("Auto-Submitted", "auto-generated");

        var text = new StringBuilder();
        text.AppendLine(heading).AppendLine(new string('=', heading.Length)).AppendLine();
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(E(subject)).Append("</title></head><body>");
        html.Append("<h1>").Append(E(heading)).Append("</h1>");
        if (items.Count > 1)
        {
            html.Append("<ul>");
        }

        foreach (var item in items)
        {
            var link = Link(item.Link);
            var open = OpenText(item.Link);
            text.AppendLine(items.Count > 1 ? "- " + item.Text : item.Text).AppendLine("  " + open + ": " + link).AppendLine();
            html.Append(items.Count > 1 ? "<li>" : string.Empty).Append("<p>").Append(E(item.Text)).Append("</p><p><a href=\"").Append(E(link)).Append("\">")
                .Append(E(open)).Append("</a></p>").Append(items.Count > 1 ? "</li>" : string.Empty);
        }

        if (items.Count > 1)
        {
            html.Append("</ul>");
        }

        text.AppendLine("Why you received this").AppendLine("---------------------").AppendLine(why)
            .AppendLine("Change your email notification choices: " + manage)
            .AppendLine(stopText + ": " + unsubscribe);
        html.Append("<h2>Why you received this</h2><p>").Append(E(why)).Append("</p><p><a href=\"").Append(E(manage))
            .Append("\">Change your email notification choices</a></p><p><a href=\"").Append(E(unsubscribe)).Append("\">")
            .Append(E(stopText)).Append("</a></p></body></html>");

        message.Body = new BodyBuilder { TextBody = text.ToString(), HtmlBody = html.ToString() }.ToMessageBody();
        return message;
    }

    /// <summary>Link text that says where the link goes.</summary>
    private static string OpenText(string path) => path switch
    {
        _ when path.StartsWith("/Tta/", StringComparison.Ordinal) => "Open the request in PSP Portal",
        _ when path.StartsWith("/Milestones/", StringComparison.Ordinal) => "Open the milestone in PSP Portal",
        _ when path.StartsWith("/PeerExchanges/", StringComparison.Ordinal) => "Open the invitation in PSP Portal",
        _ when path.StartsWith("/Toolkits/", StringComparison.Ordinal) => "Open the toolkit in PSP Portal",
        _ => "Open PSP Portal",
    };

    /// <summary>An absolute link from App:BaseUrl; a scheduled job in Development without App:BaseUrl has no request to
    /// take an address from, and uses the development server's.</summary>
    private string Link(string path)
    {
        try
        {
            return urls.For(path);
        }
        catch (InvalidOperationException)
        {
            return new Uri(new Uri("https://localhost:5001/"), "./" + path.TrimStart('/')).AbsoluteUri;
        }
    }

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..119] + "\u2026";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
