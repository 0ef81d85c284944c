using Microsoft.EntityFrameworkCore;
using TechZone.Data;
using TechZone.Platform;
using TechZone.Platform.Audit;
using TechZone.Platform.Calendar;
using TechZone.Platform.Zone;

namespace TechZone.SupportPolicies;

/// <summary>
/// Awards and money: 免申即享 proposals the lead department confirms in bulk or drops, tranches planned and paid, and a
/// ledger per policy (budget, committed, paid, remaining). Every amount that moves is checked against the award and
/// the budget inside the transaction that holds the policy's row (<see cref="FulfillmentAccess.LockedAsync{T}"/>).
/// </summary>
public sealed class AwardService(ZoneDb db, FulfillmentAccess access, PolicyEngineService engine, IEnterpriseDirectory directory, ZoneTime time)
{
    Platform.Identity.CurrentUser Current => access.Current;

    async Task<Policy?> PolicyAsync(int policyId, CancellationToken ct) =>
        await db.Set<Policy>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == policyId, ct);

    void RequireLead(Policy policy)
    {
        if (!access.IsStaffOf(policy.DepartmentId)) throw new PolicyForbiddenException();
    }

    async Task<PolicyStage> DisbursementStageAsync(Policy policy, CancellationToken ct) =>
        (await access.StagesAsync(policy, ct)).LastOrDefault(s => s.Kind == StageKind.Disbursement) ?? throw new PolicyRuleException("NoStages");

    // ---------------------------------------------------------------- 免申即享 proposals

    /// <summary>
    /// Proposes an award to every enterprise the engine found eligible, on verified data with a computed benefit, for a
    /// 免申即享 item of the version in force; enterprises already awarded (or dropped) for the item and year are skipped.
    /// </summary>
    public async Task<ProposalReport?> ProposeAsync(int policyId, CancellationToken ct = default)
    {
        var policy = await PolicyAsync(policyId, ct);
        if (policy is null) return null;
        RequireLead(policy);
        var year = engine.DefaultFiscalYear;
        var items = (await engine.ActiveItemsAsync(year, policyId, ct)).Where(i => i.Item.NoApplication).ToList();
        if (items.Count == 0) throw new PolicyRuleException("NoNoApplicationItems");
        int proposed = 0, awarded = 0, incomplete = 0;
        var now = DateTime.UtcNow;
        foreach (var i in items)
        {
            var verdicts = await db.Set<PolicyVerdict>().AsNoTracking().Where(v => v.PolicyItemId == i.Item.Id && v.Verdict != Verdict.NearMiss).ToListAsync(ct);
            var taken = (await db.Set<PolicyAward>().AsNoTracking().Where(a => a.PolicyId == policyId && a.ItemCode == i.Item.Code && a.FiscalYear == year)
                .Select(a => a.EnterpriseId).ToListAsync(ct)).ToHashSet();
            foreach (var v in verdicts)
            {
                // Complete data: eligible on verified figures with a benefit the engine could compute.
                if (v.Verdict != Verdict.Eligible || v.BenefitFen is not > 0) { incomplete++; continue; }
                if (taken.Contains(v.EnterpriseId)) { awarded++; continue; }
                db.Add(new PolicyAward
                {
                    PolicyId = policyId, PolicyItemId = i.Item.Id, ItemCode = i.Item.Code, PolicyVersionId = i.Version.Id, EnterpriseId = v.EnterpriseId,
                    FiscalYear = year, State = AwardState.Proposed, AmountFen = v.BenefitFen.Value, ProposedUtc = now,
                });
                proposed++;
            }
        }
        await db.SaveChangesAsync(ct);
        return new ProposalReport(proposed, awarded, incomplete);
    }

    /// <summary>
    /// Confirms proposals in bulk (the given ones, or all open ones): they become approved awards, committing their
    /// amounts, refused as a whole when that would pass the budget. One batch audit entry plus the awards' own rows;
    /// each enterprise is notified.
    /// </summary>
    public async Task<ConfirmReport?> ConfirmAsync(int policyId, ConfirmRequest request, CancellationToken ct = default)
    {
        var policy = await PolicyAsync(policyId, ct);
        if (policy is null) return null;
        RequireLead(policy);
        var batch = Guid.CreateVersion7();
        var confirmed = await access.LockedAsync(policyId, async () =>
        {
            var budget = (await db.Set<Policy>().AsNoTracking().SingleAsync(p => p.Id == policyId, ct)).BudgetFen ?? throw new PolicyRuleException("NoBudget");
            var query = db.Set<PolicyAward>().Where(a => a.PolicyId == policyId && a.State == AwardState.Proposed);
            if (request.AwardIds is { Count: > 0 } ids)
            {
                query = query.Where(a => ids.Contains(a.Id));
                if (await query.CountAsync(ct) != ids.Distinct().Count()) throw new PolicyConflictException("NotProposed");
            }
            var awards = await query.ToListAsync(ct);
            if (awards.Count == 0) throw new PolicyRuleException("NothingToConfirm");
            var committed = await CommittedAsync(policyId, ct);
            var total = awards.Sum(a => a.AmountFen);
            if (committed + total > budget) throw new PolicyRuleException("OverBudget", Wan(committed + total), Wan(budget));
            var now = DateTime.UtcNow;
            foreach (var a in awards)
            {
                a.State = AwardState.Approved;
                a.DecidedUtc = now;
                a.DecidedBy = Current.UserName;
                a.BatchId = batch;
            }
            AuditTrail.Batch(db, "policies_awards", new { action = "confirm", batch, policy = policyId, awards = awards.Count, totalFen = total },
                $"{awards.Min(a => a.Id)}..{awards.Max(a => a.Id)}");
            await db.SaveChangesAsync(ct);
            return awards;
        }, ct);
        foreach (var a in confirmed)
        {
            var item = await db.Set<PolicyItem>().AsNoTracking().SingleAsync(i => i.Id == a.PolicyItemId, ct);
            await access.NotifyEnterpriseAsync(a.EnterpriseId, "Notify_Awarded", "/my/policies",
                [item.Title, Wan(a.AmountFen, true)], [item.DisplayTitle(false), Wan(a.AmountFen, false)], ct);
        }
        return new ConfirmReport(confirmed.Count, confirmed.Sum(a => a.AmountFen), batch);
    }

    /// <summary>Drops one proposal with a reason; it is never proposed again for that year.</summary>
    public async Task<bool> DropAsync(int policyId, int awardId, ReasonRequest request, CancellationToken ct = default)
    {
        var policy = await PolicyAsync(policyId, ct);
        if (policy is null) return false;
        RequireLead(policy);
        var award = await db.Set<PolicyAward>().SingleOrDefaultAsync(a => a.Id == awardId && a.PolicyId == policyId, ct);
        if (award is null) return false;
        if (award.State != AwardState.Proposed) throw new PolicyConflictException("NotProposed");
        var reason = request.Reason?.Trim() ?? "";
        if (reason == "") throw new PolicyRuleException("ReasonRequired");
        award.State = AwardState.Dropped;
        award.DropReason = reason;
        award.DecidedUtc = DateTime.UtcNow;
        award.DecidedBy = Current.UserName;
        await db.SaveChangesAsync(ct);
        return true;
    }

    // ---------------------------------------------------------------- awards from applications

    /// <summary>
    /// The approved award of an application reaching the disbursement stage; the caller holds the policy's lock and
    /// saves. Refused when it would commit more than the budget.
    /// </summary>
    internal async Task<PolicyAward> ApproveApplicationAsync(PolicyApplication application, string itemCode, long amountFen, CancellationToken ct)
    {
        var budget = (await db.Set<Policy>().AsNoTracking().SingleAsync(p => p.Id == application.PolicyId, ct)).BudgetFen ?? throw new PolicyRuleException("NoBudget");
        var committed = await CommittedAsync(application.PolicyId, ct);
        if (committed + amountFen > budget) throw new PolicyRuleException("OverBudget", Wan(committed + amountFen), Wan(budget));
        if (await db.Set<PolicyAward>().AnyAsync(a => a.PolicyId == application.PolicyId && a.ItemCode == itemCode && a.EnterpriseId == application.EnterpriseId
                && a.FiscalYear == application.FiscalYear && a.State != AwardState.Dropped, ct))
            throw new PolicyConflictException("AlreadyAwarded");
        var award = new PolicyAward
        {
            PolicyId = application.PolicyId, PolicyItemId = application.PolicyItemId, ItemCode = itemCode, PolicyVersionId = application.PolicyVersionId,
            EnterpriseId = application.EnterpriseId, FiscalYear = application.FiscalYear, ApplicationId = application.Id, State = AwardState.Approved,
            AmountFen = amountFen, ProposedUtc = DateTime.UtcNow, DecidedUtc = DateTime.UtcNow, DecidedBy = Current.UserName,
        };
        // A dropped 免申即享 proposal of the same year gives way to the application's award (the key is per item, enterprise and year).
        await db.Set<PolicyAward>().Where(a => a.PolicyId == application.PolicyId && a.ItemCode == itemCode && a.EnterpriseId == application.EnterpriseId
            && a.FiscalYear == application.FiscalYear && a.State == AwardState.Dropped).ExecuteDeleteAsync(ct);
        db.Add(award);
        return award;
    }

    Task<long> CommittedAsync(int policyId, CancellationToken ct) =>
        db.Set<PolicyAward>().Where(a => a.PolicyId == policyId && a.State == AwardState.Approved).SumAsync(a => a.AmountFen, ct);

    Task<long> PaidAsync(int policyId, CancellationToken ct) =>
        db.Set<PolicyTranche>().Where(t => t.PolicyId == policyId && t.State == TrancheState.Paid).SumAsync(t => t.AmountFen, ct);

    // ---------------------------------------------------------------- tranches

    /// <summary>Plans a tranche of an approved award; all its tranches together never exceed the award.</summary>
    public async Task<int?> AddTrancheAsync(int awardId, TrancheRequest request, CancellationToken ct = default)
    {
        var award = await db.Set<PolicyAward>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == awardId, ct);
        if (award is null) return null;
        var policy = (await PolicyAsync(award.PolicyId, ct))!;
        if (!access.IsStaffOf((await DisbursementStageAsync(policy, ct)).DepartmentId)) throw new PolicyForbiddenException();
        var amount = request.AmountFen is { } a and > 0 ? a : throw new PolicyRuleException("AmountRequired");
        return await access.LockedAsync(award.PolicyId, async () =>
        {
            var fresh = await db.Set<PolicyAward>().AsNoTracking().SingleAsync(x => x.Id == awardId, ct);
            if (fresh.State != AwardState.Approved) throw new PolicyConflictException("AwardNotApproved");
            var planned = await db.Set<PolicyTranche>().Where(t => t.AwardId == awardId).SumAsync(t => t.AmountFen, ct);
            if (planned + amount > fresh.AmountFen) throw new PolicyRuleException("OverAward", Wan(planned + amount), Wan(fresh.AmountFen));
            var tranche = new PolicyTranche { AwardId = awardId, PolicyId = fresh.PolicyId, AmountFen = amount, PlannedOn = request.PlannedOn!.Value, State = TrancheState.Planned };
            db.Add(tranche);
            await db.SaveChangesAsync(ct);
            return (int?)tranche.Id;
        }, ct);
    }

    /// <summary>
    /// Records a tranche as paid. In the same locked transaction: the award's paid total stays within the award and the
    /// policy's within its budget. Paying an application's award in full completes the application.
    /// </summary>
    public async Task<bool> PayAsync(int trancheId, PayRequest request, CancellationToken ct = default)
    {
        var tranche = await db.Set<PolicyTranche>().AsNoTracking().SingleOrDefaultAsync(t => t.Id == trancheId, ct);
        if (tranche is null) return false;
        var policy = (await PolicyAsync(tranche.PolicyId, ct))!;
        if (!access.IsStaffOf((await DisbursementStageAsync(policy, ct)).DepartmentId)) throw new PolicyForbiddenException();
        var paidOn = request.PaidOn ?? throw new PolicyRuleException("PaidOnRequired");
        if (paidOn > time.Today) throw new PolicyRuleException("PaidInFuture");
        var completed = await access.LockedAsync(tranche.PolicyId, async () =>
        {
            var t = await db.Set<PolicyTranche>().Include(x => x.Award).SingleAsync(x => x.Id == trancheId, ct);
            if (request.Version is { } seen && seen != t.Version) throw new ConflictException("ConcurrencyConflict");
            if (t.State != TrancheState.Planned) throw new PolicyConflictException("TrancheNotPlanned");
            var award = t.Award!;
            if (award.State != AwardState.Approved) throw new PolicyConflictException("AwardNotApproved");
            var paidAward = await db.Set<PolicyTranche>().Where(x => x.AwardId == award.Id && x.State == TrancheState.Paid).SumAsync(x => x.AmountFen, ct);
            if (paidAward + t.AmountFen > award.AmountFen) throw new PolicyRuleException("OverAward", Wan(paidAward + t.AmountFen), Wan(award.AmountFen));
            var budget = (await db.Set<Policy>().AsNoTracking().SingleAsync(p => p.Id == t.PolicyId, ct)).BudgetFen ?? throw new PolicyRuleException("NoBudget");
            var paidPolicy = await PaidAsync(t.PolicyId, ct);
            if (paidPolicy + t.AmountFen > budget) throw new PolicyRuleException("OverBudget", Wan(paidPolicy + t.AmountFen), Wan(budget));
            t.State = TrancheState.Paid;
            t.PaidOn = paidOn;
            t.PaidBy = Current.UserName;
            PolicyApplication? done = null;
            if (award.ApplicationId is { } appId)
            {
                var application = await db.Set<PolicyApplication>().SingleAsync(x => x.Id == appId, ct);
                access.Step(appId, application.StageNumber, ApplicationAction.Paid, Wan(t.AmountFen));
                if (paidAward + t.AmountFen == award.AmountFen)
                {
                    application.State = ApplicationState.Completed;
                    application.UpdatedUtc = DateTime.UtcNow;
                    access.Step(appId, application.StageNumber, ApplicationAction.Completed);
                    done = application;
                }
            }
            await db.SaveChangesAsync(ct);
            if (done is not null) await access.CompleteReviewTodoAsync(done.Id, ct);
            return (award, t.AmountFen);
        }, ct);
        var item = await db.Set<PolicyItem>().AsNoTracking().SingleAsync(i => i.Id == completed.award.PolicyItemId, ct);
        var link = completed.award.ApplicationId is { } id ? $"/my/applications/{id}" : "/my/policies";
        await access.NotifyEnterpriseAsync(completed.award.EnterpriseId, "Notify_Paid", link,
            [item.Title, Wan(completed.AmountFen, true)], [item.DisplayTitle(false), Wan(completed.AmountFen, false)], ct);
        return true;
    }

    // ---------------------------------------------------------------- the ledger

    /// <summary>A policy's ledger with every award and tranche (staff who may read the policy's fulfillment); null when hidden or missing.</summary>
    public async Task<PolicyLedger?> LedgerAsync(int policyId, bool chinese, CancellationToken ct = default)
    {
        var policy = await PolicyAsync(policyId, ct);
        if (policy is null) return null;
        var stages = await access.StagesAsync(policy, ct);
        if (!await access.CanReadAsync(policy, stages)) return null;
        var awards = await db.Set<PolicyAward>().AsNoTracking().Include(a => a.Tranches).Where(a => a.PolicyId == policyId)
            .OrderBy(a => a.State).ThenBy(a => a.Id).ToListAsync(ct);
        var rows = await RowsAsync(awards, chinese, ct);
        var committed = awards.Where(a => a.State == AwardState.Approved).Sum(a => a.AmountFen);
        var paid = awards.SelectMany(a => a.Tranches).Where(t => t.State == TrancheState.Paid).Sum(t => t.AmountFen);
        var disburser = stages.LastOrDefault(s => s.Kind == StageKind.Disbursement)?.DepartmentId;
        return new PolicyLedger(policy.Id, policy.DisplayTitle(chinese), policy.BudgetFen, committed, paid, policy.BudgetFen - committed, committed - paid,
            awards.Count(a => a.State == AwardState.Approved), awards.Count(a => a.State == AwardState.Proposed),
            disburser is not null && access.IsStaffOf(disburser), access.IsStaffOf(policy.DepartmentId), rows);
    }

    /// <summary>The current enterprise's own awards (approved), with their tranches.</summary>
    public async Task<IReadOnlyList<AwardRow>> MineAsync(bool chinese, CancellationToken ct = default)
    {
        if (Current.EnterpriseId is not { } eid) return [];
        var awards = await db.Set<PolicyAward>().AsNoTracking().Include(a => a.Tranches)
            .Where(a => a.EnterpriseId == eid && a.State == AwardState.Approved).OrderByDescending(a => a.Id).ToListAsync(ct);
        return await RowsAsync(awards, chinese, ct);
    }

    async Task<IReadOnlyList<AwardRow>> RowsAsync(List<PolicyAward> awards, bool chinese, CancellationToken ct)
    {
        var names = await directory.NamesAsync(awards.Select(a => a.EnterpriseId).Distinct());
        var itemIds = awards.Select(a => a.PolicyItemId).Distinct().ToList();
        var items = await db.Set<PolicyItem>().AsNoTracking().Where(i => itemIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        return awards.Select(a => new AwardRow(a.Id, a.EnterpriseId, names.GetValueOrDefault(a.EnterpriseId, ""), a.PolicyItemId,
            items[a.PolicyItemId].DisplayTitle(chinese), a.PolicyVersionId, a.FiscalYear, a.State, a.AmountFen,
            a.Tranches.Where(t => t.State == TrancheState.Paid).Sum(t => t.AmountFen), a.Tranches.Sum(t => t.AmountFen), a.DropReason, a.DecidedBy,
            a.ApplicationId, a.ApplicationId is null, a.Version,
            a.Tranches.OrderBy(t => t.PlannedOn).ThenBy(t => t.Id).Select(t => new TrancheRow(t.Id, t.AmountFen, t.PlannedOn, t.State, t.PaidOn, t.PaidBy, t.Version)).ToList()))
            .ToList();
    }

    static string Wan(long fen, bool chinese) => PolicyLabels.WanIn(fen, chinese);

    static string Wan(long fen) => PolicyLabels.Wan(fen);
}
