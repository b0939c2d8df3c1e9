// Beider-Morse phonetic codes for the name-variant evaluation (bench/eval_names.cpp).
// Usage: java -cp commons-codec.jar:. BeiderMorseHelper approx|exact INPUT OUTPUT
// INPUT holds one token a line; OUTPUT gets "token<TAB>code|code|..." a line, in order.
// Uses Apache Commons Codec's BeiderMorseEncoder with the generic name type.
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;

import org.apache.commons.codec.language.bm.BeiderMorseEncoder;
import org.apache.commons.codec.language.bm.NameType;
import org.apache.commons.codec.language.bm.RuleType;

public final class BeiderMorseHelper {
  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      System.err.println("usage: BeiderMorseHelper approx|exact INPUT OUTPUT");
      System.exit(2);
    }
    BeiderMorseEncoder encoder = new BeiderMorseEncoder();
    encoder.setNameType(NameType.GENERIC);
    encoder.setRuleType(args[0].equals("exact") ? RuleType.EXACT : RuleType.APPROX);
    try (BufferedReader in = Files.newBufferedReader(Paths.get(args[1]), StandardCharsets.UTF_8);
         BufferedWriter out = Files.newBufferedWriter(Paths.get(args[2]), StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        String code;
        try {
          code = encoder.encode(line);
        } catch (Exception e) {
          code = "";
        }
        out.write(line);
        out.write('\t');
        out.write(code);
        out.write('\n');
      }
    }
  }
}
