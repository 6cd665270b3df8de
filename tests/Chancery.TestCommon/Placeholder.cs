namespace Chancery.TestCommon;

internal static class Placeholder;
