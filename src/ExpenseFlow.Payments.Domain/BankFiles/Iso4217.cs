using System.Globalization;

namespace ExpenseFlow.Payments.Domain.BankFiles;

/// <summary>Active ISO 4217 currency codes and their minor units, for amounts written with exactly the right decimals.</summary>
public static class Iso4217
{
    // Minor units that differ from 2 (ISO 4217 list one, active codes).
    private static readonly Dictionary<string, int> NotTwo = new(StringComparer.Ordinal)
    {
        ["BIF"] = 0, ["CLP"] = 0, ["DJF"] = 0, ["GNF"] = 0, ["ISK"] = 0, ["JPY"] = 0, ["KMF"] = 0, ["KRW"] = 0,
        ["PYG"] = 0, ["RWF"] = 0, ["UGX"] = 0, ["UYI"] = 0, ["VND"] = 0, ["VUV"] = 0, ["XAF"] = 0, ["XOF"] = 0, ["XPF"] = 0,
        ["BHD"] = 3, ["IQD"] = 3, ["JOD"] = 3, ["KWD"] = 3, ["LYD"] = 3, ["OMR"] = 3, ["TND"] = 3,
        ["CLF"] = 4, ["UYW"] = 4,
    };

    private static readonly HashSet<string> TwoDecimals = new(
        ("AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BRL BSD BTN BWP BYN BZD CAD CDF CHF CNY COP " +
         "CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR " +
         "JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN " +
         "NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP " +
         "SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD UYU UZS VES WST XCD YER ZAR ZMW ZWG").Split(' '),
        StringComparer.Ordinal);

    public static bool IsKnown(string? code) => code is not null && (TwoDecimals.Contains(code) || NotTwo.ContainsKey(code));

    /// <summary>The number of decimals the currency's amounts carry (2 for an unknown code).</summary>
    public static int Decimals(string code) => NotTwo.TryGetValue(code, out var d) ? d : 2;

    /// <summary>The amount with exactly the currency's decimals and a dot, never in exponent notation.</summary>
    public static string Format(decimal amount, string currency) =>
        Math.Round(amount, Decimals(currency), MidpointRounding.AwayFromZero)
            .ToString("F" + Decimals(currency).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>True when the amount has no more decimals than the currency allows.</summary>
    public static bool FitsMinorUnits(decimal amount, string currency) =>
        decimal.Round(amount, Decimals(currency)) == amount;
}
