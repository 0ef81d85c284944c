namespace TechZone.SupportPolicies;

/// <summary>Checks a rule tree and a benefit before they are saved or published: a clear 400 instead of a tree the engine cannot read.</summary>
public static class PolicyValidation
{
    public const int MaxDepth = 12, MaxYears = 10, MaxNodes = 500;

    public static void Check(CriteriaDocument doc)
    {
        if (doc.Schema != CriteriaDocument.CurrentSchema) throw new PolicyRuleException("CriteriaSchema", doc.Schema);
        if (doc.Root is null) throw new PolicyRuleException("CriteriaInvalid");
        if (doc.Nodes().Count() > MaxNodes) throw new PolicyRuleException("CriteriaTooLarge");
        var ids = new HashSet<string>();
        Check(doc.Root, 0, ids);
    }

    static void Check(CriterionNode node, int depth, HashSet<string> ids)
    {
        if (depth > MaxDepth) throw new PolicyRuleException("CriteriaTooDeep");
        if (string.IsNullOrWhiteSpace(node.Id) || !ids.Add(node.Id)) node.Id = CriterionNode.NewId();
        var name = node.Label is { Length: > 0 } l ? l : node.GetType().Name;
        switch (node)
        {
            case GroupNode g:
                if (g.Children.Count == 0) throw new PolicyRuleException("GroupEmpty");
                foreach (var child in g.Children) Check(child, depth + 1, ids);
                return;
            case NotNode n:
                if (n.Child is null) throw new PolicyRuleException("GroupEmpty");
                Check(n.Child, depth + 1, ids);
                return;
        }
        if (string.IsNullOrWhiteSpace(node.Reference)) throw new PolicyRuleException("ReferenceRequired", name);
        switch (node)
        {
            case CompareNode c:
                Check(c.Expression, name);
                if (!double.IsFinite(c.Value)) throw new PolicyRuleException("ThresholdInvalid", name);
                if (c.Operator == CompareOperator.Between && (c.Upper is not { } u || !double.IsFinite(u) || u < c.Value))
                    throw new PolicyRuleException("RangeInvalid", name);
                break;
            case QualificationNode q:
                if (string.IsNullOrWhiteSpace(q.TypeCode)) throw new PolicyRuleException("QualificationRequired", name);
                if (q.YearOffset is < -MaxYears or > 0) throw new PolicyRuleException("YearsInvalid", name);
                break;
            case MembershipNode m:
                if (!Enum.IsDefined(m.Field) || m.Values.Count == 0 || m.Values.Any(string.IsNullOrWhiteSpace)) throw new PolicyRuleException("ValuesRequired", name);
                break;
            case RegisteredNode r:
                if (r.MinYears is < 0 or > 100) throw new PolicyRuleException("YearsInvalid", name);
                break;
            case ScoreNode s:
                if (s.Indicators.Count == 0 || s.Indicators.Any(i => i.Alternatives.Count == 0 || i.Alternatives.Any(a => a.Bands.Count == 0)))
                    throw new PolicyRuleException("ScoreIncomplete", name);
                foreach (var alt in s.Indicators.SelectMany(i => i.Alternatives)) Check(alt.Expression, name);
                if (!double.IsFinite(s.Threshold) || s.Threshold < 0) throw new PolicyRuleException("ThresholdInvalid", name);
                break;
        }
    }

    static void Check(FactExpression e, string name)
    {
        if (e.Metrics.Count == 0 || e.Metrics.Any(m => !Enum.IsDefined(m)) || e.Per?.Any(m => !Enum.IsDefined(m)) == true)
            throw new PolicyRuleException("MetricRequired", name);
        if (e.Years is < 1 or > MaxYears || e.YearOffset is < -MaxYears or > 0 || !Enum.IsDefined(e.Aggregate))
            throw new PolicyRuleException("YearsInvalid", name);
    }

    public static void Check(BenefitRule b)
    {
        if (!Enum.IsDefined(b.Kind) || b.AmountFen < 0 || b.CapFen is < 0 || b.Rate is < 0 or > 10 || !double.IsFinite(b.Rate))
            throw new PolicyRuleException("BenefitInvalid");
        if (b.Kind != BenefitKind.Fixed)
        {
            if (b.Basis is null) throw new PolicyRuleException("BenefitInvalid");
            Check(b.Basis, "benefit");
        }
        if (b.Kind == BenefitKind.Tiered && (b.Tiers.Count == 0 || b.Tiers.Any(t => t.AmountFen < 0 || !double.IsFinite(t.Min))))
            throw new PolicyRuleException("BenefitInvalid");
    }
}

static class PolicyTime
{
    /// <summary>SQLite gives DateTime back unspecified; the API speaks UTC.</summary>
    public static DateTime? Utc(DateTime? t) => t is { } x ? DateTime.SpecifyKind(x, DateTimeKind.Utc) : null;
    public static DateTime Utc(DateTime t) => DateTime.SpecifyKind(t, DateTimeKind.Utc);
}
