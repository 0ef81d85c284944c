using System.Globalization;
using System.Text.RegularExpressions;

namespace TechZone.SupportPolicies;

/// <summary>Checks of application forms, answers and review stages; a failure is a localized 400 and nothing is saved.</summary>
static partial class FulfillmentValidation
{
    [GeneratedRegex("^[a-z][a-z0-9_]{0,39}$")]
    private static partial Regex KeyPattern();

    public static void Check(ApplicationForm form, IReadOnlySet<string> storeTypes)
    {
        if (form.Fields.Count > FulfillmentLimits.MaxFields) throw new PolicyRuleException("FormTooManyFields", FulfillmentLimits.MaxFields);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in form.Fields)
        {
            f.Key = f.Key.Trim();
            f.Label = f.Label.Trim();
            f.LabelEn = f.LabelEn.Trim();
            if (!KeyPattern().IsMatch(f.Key)) throw new PolicyRuleException("FormFieldKey", f.Key);
            if (!keys.Add(f.Key)) throw new PolicyRuleException("FormDuplicateKey", f.Key);
            if (f.Label == "" || f.Label.Length > FulfillmentLimits.FieldLabel || f.LabelEn.Length > FulfillmentLimits.FieldLabel)
                throw new PolicyRuleException("FormFieldLabel", f.Key);
            f.Choices = f.Choices.Select(c => c.Trim()).Where(c => c != "").Distinct().ToList();
            if (f.Type == FormFieldType.Choice && f.Choices.Count == 0) throw new PolicyRuleException("FormChoicesMissing", f.Label);
            if (f.Type != FormFieldType.Choice) f.Choices = [];
        }
        form.AttachmentTypes = form.AttachmentTypes.Select(t => t.Trim().ToLowerInvariant()).Where(t => t != "")
            .Select(t => t.StartsWith('.') ? t : "." + t).Distinct().ToList();
        if (form.AttachmentTypes.FirstOrDefault(t => !storeTypes.Contains(t)) is { } bad)
            throw new PolicyRuleException("FormAttachmentType", bad, string.Join(" ", storeTypes.Order()));
        if (form.AttachmentMaxBytes <= 0) throw new PolicyRuleException("FormAttachmentSize");
        if (form.MinAttachments < 0 || form.MinAttachments > FulfillmentLimits.MaxAttachments)
            throw new PolicyRuleException("FormMinAttachments", FulfillmentLimits.MaxAttachments);
        if (form.MinAttachments > 0 && form.AttachmentTypes.Count == 0) throw new PolicyRuleException("FormAttachmentType", "—", string.Join(" ", storeTypes.Order()));
    }

    /// <summary>The answers, checked against the form and normalized (numbers invariant, dates yyyy-MM-dd); unknown keys refused.</summary>
    public static Dictionary<string, string?> Answers(ApplicationForm form, IReadOnlyDictionary<string, string?> answers, bool chinese)
    {
        if (answers.Keys.FirstOrDefault(k => form.Fields.All(f => f.Key != k)) is { } unknown) throw new PolicyRuleException("AnswerUnknownField", unknown);
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var f in form.Fields)
        {
            var value = answers.GetValueOrDefault(f.Key)?.Trim();
            var label = f.DisplayLabel(chinese);
            if (string.IsNullOrEmpty(value))
            {
                if (f.Required) throw new PolicyRuleException("AnswerRequired", label);
                continue;
            }
            if (value.Length > FulfillmentLimits.Answer) throw new PolicyRuleException("AnswerTooLong", label, FulfillmentLimits.Answer);
            switch (f.Type)
            {
                case FormFieldType.Number:
                    if (!decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var n)) throw new PolicyRuleException("AnswerNumber", label);
                    value = n.ToString(CultureInfo.InvariantCulture);
                    break;
                case FormFieldType.Date:
                    if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) throw new PolicyRuleException("AnswerDate", label);
                    value = d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                    break;
                case FormFieldType.Choice:
                    if (!f.Choices.Contains(value)) throw new PolicyRuleException("AnswerChoice", label);
                    break;
            }
            result[f.Key] = value;
        }
        return result;
    }

    /// <summary>2–10 stages with names and departments; at most one notice stage; the last (and only the last) is the disbursement.</summary>
    public static void Check(IReadOnlyList<StageRequest> stages)
    {
        if (stages.Count < 2 || stages.Count > FulfillmentLimits.MaxStages) throw new PolicyRuleException("StagesCount", FulfillmentLimits.MaxStages);
        if (stages.Any(s => string.IsNullOrWhiteSpace(s.Name) || s.Name.Trim().Length > FulfillmentLimits.StageName || s.DepartmentId is null))
            throw new PolicyRuleException("StageIncomplete");
        if (stages[^1].Kind != StageKind.Disbursement || stages.Count(s => s.Kind == StageKind.Disbursement) != 1)
            throw new PolicyRuleException("StagesLastDisbursement");
        if (stages.Count(s => s.Kind == StageKind.Notice) > 1) throw new PolicyRuleException("StagesOneNotice");
        if (stages[0].Kind != StageKind.Review) throw new PolicyRuleException("StagesFirstReview");
        if (stages.Any(s => s.NoticeDays is < 0 or > FulfillmentLimits.MaxNoticeDays)) throw new PolicyRuleException("StageNoticeDays", FulfillmentLimits.MaxNoticeDays);
    }
}
