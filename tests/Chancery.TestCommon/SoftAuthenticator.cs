using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace Chancery.TestCommon;

/// <summary>
/// A passkey held in software, as a platform authenticator would hold it: an ECDSA P-256 key (COSE algorithm -7),
/// discoverable, user verified. It answers the server's WebAuthn options with the JSON a browser posts
/// (<c>JSON.stringify(credential)</c>): a "none" attestation when made, a signed assertion when used. Browser
/// tests use Chromium's own virtual authenticator instead.
/// </summary>
public sealed class SoftAuthenticator : IDisposable
{
    private const byte UserPresent = 0x01, UserVerified = 0x04, AttestedData = 0x40;
    private readonly ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private uint signCount;

    public SoftAuthenticator(string userId)
    {
        UserHandle = Encoding.UTF8.GetBytes(userId);
        CredentialId = RandomNumberGenerator.GetBytes(32);
    }

    public byte[] CredentialId { get; }

    public byte[] UserHandle { get; }

    /// <summary>The public key as a COSE_Key map, as stored by the server.</summary>
    public byte[] CosePublicKey
    {
        get
        {
            var p = key.ExportParameters(includePrivateParameters: false).Q;
            var cbor = new CborWriter();
            cbor.WriteStartMap(5);
            cbor.WriteInt32(1);
            cbor.WriteInt32(2); // kty: EC2
            cbor.WriteInt32(3);
            cbor.WriteInt32(-7); // alg: ES256
            cbor.WriteInt32(-1);
            cbor.WriteInt32(1); // crv: P-256
            cbor.WriteInt32(-2);
            cbor.WriteByteString(p.X!);
            cbor.WriteInt32(-3);
            cbor.WriteByteString(p.Y!);
            cbor.WriteEndMap();
            return cbor.Encode();
        }
    }

    /// <summary>Answers <c>navigator.credentials.create()</c> options (PublicKeyCredentialCreationOptionsJSON).</summary>
    public string Create(string creationOptionsJson, string origin)
    {
        var options = JsonNode.Parse(creationOptionsJson)!;
        var rpId = (string?)options["rp"]?["id"] ?? new Uri(origin).Host;
        var clientData = ClientData("webauthn.create", (string)options["challenge"]!, origin);
        var authData = new List<byte>();
        authData.AddRange(SHA256.HashData(Encoding.UTF8.GetBytes(rpId)));
        authData.Add(UserPresent | UserVerified | AttestedData);
        authData.AddRange(BigEndian(signCount));
        authData.AddRange(new byte[16]); // AAGUID: none
        authData.Add((byte)(CredentialId.Length >> 8));
        authData.Add((byte)CredentialId.Length);
        authData.AddRange(CredentialId);
        authData.AddRange(CosePublicKey);

        var cbor = new CborWriter();
        cbor.WriteStartMap(3);
        cbor.WriteTextString("fmt");
        cbor.WriteTextString("none");
        cbor.WriteTextString("attStmt");
        cbor.WriteStartMap(0);
        cbor.WriteEndMap();
        cbor.WriteTextString("authData");
        cbor.WriteByteString([.. authData]);
        cbor.WriteEndMap();

        return Credential(new JsonObject
        {
            ["clientDataJSON"] = Base64Url(clientData),
            ["attestationObject"] = Base64Url(cbor.Encode()),
            ["transports"] = new JsonArray("internal"),
        });
    }

    /// <summary>Answers <c>navigator.credentials.get()</c> options (PublicKeyCredentialRequestOptionsJSON).</summary>
    public string Get(string requestOptionsJson, string origin, bool tamper = false)
    {
        var options = JsonNode.Parse(requestOptionsJson)!;
        var rpId = (string?)options["rpId"] ?? new Uri(origin).Host;
        var clientData = ClientData("webauthn.get", (string)options["challenge"]!, origin);
        signCount++;
        var authData = new List<byte>();
        authData.AddRange(SHA256.HashData(Encoding.UTF8.GetBytes(rpId)));
        authData.Add(UserPresent | UserVerified);
        authData.AddRange(BigEndian(signCount));
        var signature = key.SignData([.. authData, .. SHA256.HashData(clientData)], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        if (tamper)
            signature[^1] ^= 0x01;
        return Credential(new JsonObject
        {
            ["clientDataJSON"] = Base64Url(clientData),
            ["authenticatorData"] = Base64Url([.. authData]),
            ["signature"] = Base64Url(signature),
            ["userHandle"] = Base64Url(UserHandle),
        });
    }

    public void Dispose() => key.Dispose();

    private string Credential(JsonObject response) => new JsonObject
    {
        ["id"] = Base64Url(CredentialId),
        ["rawId"] = Base64Url(CredentialId),
        ["type"] = "public-key",
        ["response"] = response,
        ["clientExtensionResults"] = new JsonObject(),
        ["authenticatorAttachment"] = "platform",
    }.ToJsonString();

    private static byte[] ClientData(string type, string challenge, string origin) =>
        JsonSerializer.SerializeToUtf8Bytes(new JsonObject { ["type"] = type, ["challenge"] = challenge, ["origin"] = origin, ["crossOrigin"] = false });

    private static byte[] BigEndian(uint value) => [(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value];

    private static string Base64Url(byte[] bytes) => WebEncoders.Base64UrlEncode(bytes);
}
