package dev.dualrun.parity;

public class ParityValidatorApplication {

	public static void main(String[] args) {
	}

}
